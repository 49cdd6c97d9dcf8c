import type { DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isUniqueViolation } from '../core/dbErrors';
import { recordAudit, diff, type Caller } from '../audit/audit';
import type { TeamsService } from '../teams/teams.service';
import { TeamKind } from '../teams/team.entity';
import { assertValidName, assertValidUsername } from '../teams/username';
import { Organization } from './organization.entity';
import { OrganizationMembership, OrganizationRole } from './organizationMembership.entity';

/** Organization lifecycle. The creator becomes the first ADMIN; the root team shares the organization's slug. */
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly teams: TeamsService,
  ) {}

  async create(caller: Caller, creatorUserId: string, input: { slug: string; name: string }): Promise<Organization> {
    assertValidUsername(input.slug, ['input', 'slug']);
    const name = assertValidName(input.name, ['input', 'name']);
    try {
      return await this.db.transaction(async (tx) => {
        const organizations = tx.getRepository(Organization);
        if (await organizations.exists({ where: { slug: input.slug } })) throw slugTaken(input.slug);
        const organization = await organizations.save(organizations.create({ slug: input.slug, name, rootTeamId: null }));
        const rootTeam = await this.teams
          .insertTeam(tx, { organizationId: organization.id, kind: TeamKind.ROOT, username: input.slug, name })
          .catch((error: unknown) => {
            throw error instanceof UserInputFailure ? slugTaken(input.slug) : error;
          });
        organization.rootTeamId = rootTeam.id;
        await organizations.update({ id: organization.id }, { rootTeamId: rootTeam.id });
        await tx.getRepository(OrganizationMembership).insert({
          organizationId: organization.id,
          userId: creatorUserId,
          role: OrganizationRole.ADMIN,
        });
        await recordAudit(tx, caller, {
          organizationId: organization.id,
          action: 'organization.create',
          targetType: 'Organization',
          targetId: organization.id,
          changes: { slug: { before: null, after: organization.slug }, name: { before: null, after: name } },
        });
        return organization;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(input.slug);
      throw error;
    }
  }

  async rename(caller: Caller, organization: Organization, name: string): Promise<Organization> {
    const newName = assertValidName(name, ['input', 'name']);
    return this.db.transaction(async (tx) => {
      const changes = diff(organization, { name: newName });
      await tx.getRepository(Organization).update({ id: organization.id }, { name: newName });
      await recordAudit(tx, caller, {
        organizationId: organization.id,
        action: 'organization.rename',
        targetType: 'Organization',
        targetId: organization.id,
        changes,
      });
      return { ...organization, name: newName };
    });
  }
}

function slugTaken(slug: string): UserInputFailure {
  return new UserInputFailure('TAKEN', `The slug "${slug}" is already taken.`, ['input', 'slug']);
}
