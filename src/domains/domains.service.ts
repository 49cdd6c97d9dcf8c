import crypto from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { isUniqueViolation, returnedRows } from '../core/dbErrors';
import { paginate, type PageArgs } from '../core/relay';
import { recordAudit, type Caller } from '../audit/audit';
import type { SsoRequirementReader } from '../policies/ssoRequirement';
import { CHALLENGE_LABEL, CHALLENGE_PREFIX, OrganizationDomain } from './organizationDomain.entity';
import { MAX_DOMAIN_LENGTH, OrganizationDomainConnection } from './domains.types';
import type { DnsProofResolver } from './dnsProof';

/** A host name of at least two labels, each 1–63 letters, digits or hyphens (not at either end), ASCII TLD. */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const MAX_DOMAINS_PER_ORGANIZATION = 50;
const VERIFIED_DOMAIN_INDEX = 'organization_domains_verified_domain_key';

export const challengeName = (domain: string) => `${CHALLENGE_LABEL}.${domain}`;
export const challengeValue = (token: string) => `${CHALLENGE_PREFIX}${token}`;

/**
 * Email domains of organizations and their DNS proof (docs/sso.md, docs/security.md). A domain is claimed with a random token; it counts
 * (SSO may link or provision its addresses) only after `verify` finds `_orgraph-challenge.<domain>` TXT
 * `orgraph-domain-verification=<token>`, and then it belongs to that organization alone: the partial unique index
 * on verified domains settles concurrent proofs by two organizations.
 */
export class DomainsService {
  constructor(
    private readonly db: DataSource,
    private readonly dns: DnsProofResolver,
    private readonly policies: SsoRequirementReader,
  ) {}

  byId(id: string): Promise<OrganizationDomain | null> {
    return this.db.getRepository(OrganizationDomain).findOneBy({ id });
  }

  connection(organizationId: string, args: PageArgs): Promise<OrganizationDomainConnection> {
    const query = this.db.getRepository(OrganizationDomain).createQueryBuilder('d').where('d.organization_id = :organizationId', { organizationId });
    return paginate(query, args, { connection: OrganizationDomainConnection, orderBy: `date_trunc('milliseconds', d.created_at)`, orderValue: (d) => d.createdAt });
  }

  /** The organization's proven domains, sorted (what SSO may link and provision). */
  async verifiedDomains(organizationId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: Array<{ domain: string }> = await manager.query(
      `SELECT domain FROM organization_domains WHERE organization_id = $1 AND verified_at IS NOT NULL ORDER BY domain`,
      [organizationId],
    );
    return rows.map((row) => row.domain);
  }

  /** Whether `domain` is proven for the organization; `lock` holds the row (FOR SHARE) until the caller's transaction ends. */
  async isVerifiedFor(organizationId: string, domain: string, manager: EntityManager = this.db.manager, lock = false): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(
      `SELECT 1 FROM organization_domains WHERE organization_id = $1 AND domain = $2 AND verified_at IS NOT NULL${lock ? ' FOR SHARE' : ''}`,
      [organizationId, domain],
    );
    return Boolean(row);
  }

  async add(caller: Caller, organizationId: string, input: string): Promise<OrganizationDomain> {
    const domain = normalizeDomain(input);
    return this.db.transaction(async (tx) => {
      // Serializes additions per organization, so the per-organization cap holds under concurrency.
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
      const [{ count }] = await tx.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM organization_domains WHERE organization_id = $1`, [organizationId]);
      if (count >= MAX_DOMAINS_PER_ORGANIZATION) {
        throw new UserInputFailure('LIMIT_REACHED', `An organization may claim at most ${MAX_DOMAINS_PER_ORGANIZATION} domains; remove one first.`, ['input', 'domain']);
      }
      const repository = tx.getRepository(OrganizationDomain);
      if (await repository.findOneBy({ organizationId, domain })) {
        throw new UserInputFailure('TAKEN', `${domain} is already one of this organization’s domains.`, ['input', 'domain']);
      }
      // 192 random bits: the token only has to be unguessable before it is published.
      const saved = await repository.save(repository.create({ organizationId, domain, verificationToken: crypto.randomBytes(24).toString('base64url'), verifiedAt: null }));
      await recordAudit(tx, caller, {
        organizationId,
        action: 'domain.add',
        targetType: 'OrganizationDomain',
        targetId: saved.id,
        changes: { domain: { before: null, after: domain } },
      });
      return saved;
    });
  }

  /**
   * Looks the proof up in DNS (outside any transaction: a slow zone never holds a database connection), then marks
   * the domain verified. Refused when another organization has proven it first.
   */
  async verify(caller: Caller, claim: OrganizationDomain): Promise<OrganizationDomain> {
    const field = ['input', 'domainId'];
    if (claim.verifiedAt) return claim;
    const owner = await this.db.query<unknown[]>(`SELECT 1 FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL AND organization_id <> $2`, [claim.domain, claim.organizationId]);
    if (owner.length) throw alreadyProven(claim.domain, field);
    const name = challengeName(claim.domain);
    const expected = challengeValue(claim.verificationToken);
    const lookup = await this.dns.txt(name);
    if (lookup.kind === 'UNAVAILABLE') {
      throw new UserInputFailure('DNS_UNAVAILABLE', `The DNS lookup of ${name} failed (${lookup.reason}); try again in a few minutes.`, field);
    }
    if (lookup.kind === 'NONE') {
      throw new UserInputFailure('DOMAIN_NOT_VERIFIED', `No TXT record found at ${name}. Publish TXT "${expected}" there and try again (DNS changes can take a while to appear).`, field);
    }
    if (!lookup.records.some((record) => record.trim() === expected)) {
      throw new UserInputFailure('DOMAIN_NOT_VERIFIED', `The TXT records at ${name} do not include "${expected}". Publish it and try again.`, field);
    }
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = returnedRows<{ id: string }>(
          await tx.query(`UPDATE organization_domains SET verified_at = now() WHERE id = $1 AND verified_at IS NULL RETURNING id`, [claim.id]),
        );
        const current = await tx.getRepository(OrganizationDomain).findOneBy({ id: claim.id });
        if (!current) throw new UserInputFailure('NOT_FOUND', 'This domain was removed meanwhile.', field);
        if (row) {
          await recordAudit(tx, caller, {
            organizationId: claim.organizationId,
            action: 'domain.verify',
            targetType: 'OrganizationDomain',
            targetId: claim.id,
            changes: { domain: { before: claim.domain, after: claim.domain }, verifiedAt: { before: null, after: current.verifiedAt } },
          });
        }
        return current;
      });
    } catch (error) {
      if (isUniqueViolation(error, VERIFIED_DOMAIN_INDEX)) throw alreadyProven(claim.domain, field);
      throw error;
    }
  }

  /** Removes a claim. While SSO is required, the last proven domain stays (or no one could sign in any more). */
  async remove(caller: Caller, claim: OrganizationDomain): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [claim.organizationId]);
      const current = await tx.getRepository(OrganizationDomain).findOneBy({ id: claim.id });
      if (!current) throw new UserInputFailure('NOT_FOUND', 'This domain was removed meanwhile.', ['input', 'domainId']);
      if (current.verifiedAt && (await this.policies.ssoRequired(tx, claim.organizationId))) {
        const verified = await this.verifiedDomains(claim.organizationId, tx);
        if (verified.length <= 1) {
          throw new UserInputFailure('SSO_REQUIRED_ACTIVE', 'SSO is required in this organization and this is its last proven domain: nobody could sign in without it. Turn “SSO required” off first.', ['input', 'domainId']);
        }
      }
      await tx.query(`DELETE FROM organization_domains WHERE id = $1`, [claim.id]);
      await recordAudit(tx, caller, {
        organizationId: claim.organizationId,
        action: 'domain.remove',
        targetType: 'OrganizationDomain',
        targetId: claim.id,
        changes: { domain: { before: claim.domain, after: null }, verifiedAt: { before: current.verifiedAt, after: null } },
      });
    });
  }
}

function alreadyProven(domain: string, field: string[]): UserInputFailure {
  return new UserInputFailure('DOMAIN_OWNED_ELSEWHERE', `${domain} is already proven by another organization; a domain belongs to one organization at a time. Its owner must remove it first.`, field);
}

/** `Example.COM.` → `example.com`; internationalized names become their xn-- form; anything else is refused. */
export function normalizeDomain(input: string): string {
  const invalid = () => new UserInputFailure('INVALID', 'Give a domain name such as example.com (no scheme, path, port, @ or wildcard).', ['input', 'domain']);
  if (input.length > MAX_DOMAIN_LENGTH) throw invalid();
  const trimmed = input.trim().replace(/\.$/, '');
  if (!trimmed || /[^\p{L}\p{N}.-]/u.test(trimmed)) throw invalid();
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || !DOMAIN.test(ascii)) throw invalid();
  return ascii;
}
