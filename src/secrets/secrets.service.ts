import type { DataSource } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { returnedRows } from '../core/dbErrors';
import { paginate, type PageArgs } from '../core/relay';
import { recordAudit, type Caller } from '../audit/audit';
import type { Team } from '../teams/team.entity';
import { TeamSecret } from './teamSecret.entity';
import { SecretCipher, secretAssociatedData } from './secretCipher';
import { TeamSecretConnection } from './secrets.types';

const NAME_PATTERN = /^[A-Z_][A-Z0-9_]{0,127}$/;
const MAX_VALUE_BYTES = 64 * 1024;

/** Team secrets: values are sealed before they reach the database and never leave it through the API. */
export class SecretsService {
  private readonly cipher: SecretCipher;

  constructor(
    private readonly db: DataSource,
    encryptionKey: string,
  ) {
    this.cipher = new SecretCipher(encryptionKey);
  }

  connection(teamId: string, args: PageArgs): Promise<TeamSecretConnection> {
    const query = this.db.getRepository(TeamSecret).createQueryBuilder('secret').where('secret.team_id = :teamId', { teamId });
    return paginate(query, args, { connection: TeamSecretConnection, orderBy: 'secret.name', orderValue: (secret) => secret.name });
  }

  /** Creates or replaces; the audit event records that the value changed, never the value. */
  async set(caller: Caller, team: Team, name: string, value: string): Promise<TeamSecret> {
    // An archived team runs nothing; its existing secrets stay listed (and deletable) as history.
    if (team.archivedAt) throw new UserInputFailure('ARCHIVED', 'The team is archived.', ['input', 'teamId']);
    if (!NAME_PATTERN.test(name)) {
      throw new UserInputFailure('INVALID', 'Names are 1–128 uppercase letters, digits and underscores, not starting with a digit.', ['input', 'name']);
    }
    const size = Buffer.byteLength(value, 'utf8');
    if (size < 1 || size > MAX_VALUE_BYTES) throw new UserInputFailure('INVALID', 'Values are 1 byte to 64 KiB.', ['input', 'value']);
    const sealed = this.cipher.seal(value, secretAssociatedData(team.id, name));
    return this.db.transaction(async (tx) => {
      const [row]: Array<{ id: string; created_at: Date; updated_at: Date; replaced: boolean }> = await tx.query(
        `INSERT INTO team_secrets (team_id, name, ciphertext, iv, auth_tag) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (team_id, name) DO UPDATE
           SET ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, auth_tag = EXCLUDED.auth_tag, updated_at = now()
         RETURNING id, created_at, updated_at, (xmax <> 0) AS replaced`,
        [team.id, name, sealed.ciphertext, sealed.iv, sealed.authTag],
      );
      await recordAudit(tx, caller, {
        organizationId: team.organizationId,
        teamId: team.id,
        action: row.replaced ? 'secret.replace' : 'secret.create',
        targetType: 'TeamSecret',
        targetId: row.id,
        changes: row.replaced ? { value: { before: '[redacted]', after: '[redacted]' } } : { name: { before: null, after: name } },
      });
      return Object.assign(new TeamSecret(), { id: row.id, teamId: team.id, name, createdAt: row.created_at, updatedAt: row.updated_at });
    });
  }

  async delete(caller: Caller, team: Team, name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows: Array<{ id: string }> = returnedRows(await tx.query(
        `DELETE FROM team_secrets WHERE team_id = $1 AND name = $2 RETURNING id`, [team.id, name]),
      );
      if (rows.length === 0) throw new UserInputFailure('NOT_FOUND', 'The team has no secret with this name.', ['input', 'name']);
      await recordAudit(tx, caller, {
        organizationId: team.organizationId,
        teamId: team.id,
        action: 'secret.delete',
        targetType: 'TeamSecret',
        targetId: rows[0].id,
        changes: { name: { before: name, after: null } },
      });
    });
  }

  /** For deployed apps (runtime injection) only — never exposed through GraphQL. */
  async reveal(teamId: string, name: string): Promise<string | null> {
    const row = await this.db
      .getRepository(TeamSecret)
      .createQueryBuilder('secret')
      .addSelect(['secret.ciphertext', 'secret.iv', 'secret.authTag'])
      .where({ teamId, name })
      .getOne();
    return row ? this.cipher.open(row, secretAssociatedData(teamId, name)) : null;
  }
}
