import type { DataSource } from 'typeorm';
import { queryWithTimeout } from '../core/statementTimeout';
import { BadUserInputError, UserInputFailure } from '../core/errors';
import { isUuid, localIdOf, paginate, type PageArgs } from '../core/relay';
import type { Team } from '../teams/team.entity';
import type { MonthPartitions } from '../retention/monthPartitions';
import { RequestAuthKind, RequestRecord, RequestStatus } from './requestRecord.entity';
import { RequestRecordConnection, type IngestRejection, type RequestFilter, type RequestRecordInput } from './requests.types';

const MAX_BATCH = 1000;
const MAX_FUTURE_MS = 5 * 60_000;

export interface IngestRequestsResult {
  accepted: number;
  duplicates: number;
  rejected: IngestRejection[];
}

/** Whose requests a viewer may list: all of the team's, or only those whose identity is `userId`. */
export type RequestRowScope = { kind: 'ALL' } | { kind: 'OWN'; userId: string };

interface ValidRow {
  teamId: string;
  organizationId: string | null;
  id: string;
  endpointId: string;
  status: RequestStatus;
  httpStatus: number | null;
  startedAt: string;
  finishedAt: string | null;
  queueMs: number | null;
  authKind: RequestAuthKind;
  apiKeyId: string | null;
  keyOwnerId: string | null;
  userId: string | null;
  input: string | null;
  output: string | null;
  payloadBytes: number;
}

/** Request records: batched idempotent writes from the gateway, keyset-paginated reads. */
export class RequestsService {
  constructor(
    private readonly db: DataSource,
    /** bulkStatementTimeoutMs: statement_timeout of the batch insert (0 = the pool's default). */
    private readonly options: { maxPayloadBytes: number; bulkStatementTimeoutMs?: number },
    /** Monthly partitions of request_records, created on demand for the months a batch touches. */
    private readonly partitions: MonthPartitions,
  ) {}

  async ingest(records: RequestRecordInput[]): Promise<IngestRequestsResult> {
    if (records.length < 1 || records.length > MAX_BATCH) {
      throw new UserInputFailure('INVALID_BATCH', `A batch holds 1–${MAX_BATCH} records.`, ['input', 'records']);
    }
    const [teams, keys, users] = await Promise.all([
      this.lookup<{ id: string; organization_id: string | null; username: string; archived_at: Date | null }>(
        `SELECT id, organization_id, username, archived_at FROM teams WHERE username = ANY($1)`,
        records.map((r) => r.teamUsername),
        (t) => t.username,
      ),
      this.lookup<{ id: string; key_id: string; team_id: string; owner_id: string | null }>(
        `SELECT id, key_id, team_id, owner_id FROM api_keys WHERE key_id = ANY($1)`,
        records.flatMap((r) => (r.auth.keyId ? [r.auth.keyId] : [])),
        (k) => k.key_id,
      ),
      this.lookup<{ id: string }>(
        `SELECT id FROM users WHERE id = ANY($1::uuid[])`,
        records.flatMap((r) => {
          const id = r.auth.userId ? localIdOf(r.auth.userId, 'User') : null;
          return id ? [id] : [];
        }),
        (u) => u.id,
      ),
    ]);

    const rejected: IngestRejection[] = [];
    const rows: ValidRow[] = [];
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const reject = (field: string, code: string, message: string) => rejected.push({ index, field, code, message });
      const team = teams.get(record.teamUsername);
      if (!team) return reject('teamUsername', 'UNKNOWN_TEAM', `No team "${record.teamUsername}".`);
      if (record.id.length < 1 || record.id.length > 200) return reject('id', 'INVALID', 'The id must be 1–200 characters.');
      if (record.startedAt.getTime() > Date.now() + MAX_FUTURE_MS) {
        return reject('startedAt', 'FUTURE_TIMESTAMP', 'startedAt is more than 5 minutes in the future.');
      }
      if (record.finishedAt && record.finishedAt < record.startedAt) {
        return reject('finishedAt', 'INVALID', 'finishedAt is before startedAt.');
      }
      let apiKeyId: string | null = null;
      let keyOwnerId: string | null = null;
      let userId: string | null = null;
      if (record.auth.kind === RequestAuthKind.API_KEY) {
        const key = record.auth.keyId ? keys.get(record.auth.keyId) : undefined;
        if (!key || key.team_id !== team.id) return reject('auth.keyId', 'UNKNOWN_KEY', 'No such key on this team.');
        apiKeyId = key.id;
        keyOwnerId = key.owner_id;
      } else {
        const id = record.auth.userId ? localIdOf(record.auth.userId, 'User') : null;
        if (!id || !users.has(id)) return reject('auth.userId', 'UNKNOWN_USER', 'No such user.');
        userId = id;
      }
      const input = this.payload(record.input, 'input', reject);
      const output = this.payload(record.output, 'output', reject);
      if (input === undefined || output === undefined) return;
      const inputBytes = Buffer.byteLength(input ?? '');
      const outputBytes = Buffer.byteLength(output ?? '');
      const payloadBytes = inputBytes + outputBytes;
      if (payloadBytes > this.options.maxPayloadBytes) {
        // Point at the payload that carries most of the weight, so the gateway knows which one to shrink.
        return reject(outputBytes > inputBytes ? 'output' : 'input', 'PAYLOAD_TOO_LARGE', `Input and output total ${payloadBytes} bytes (input ${inputBytes}, output ${outputBytes}); the limit is ${this.options.maxPayloadBytes}. Records are never truncated.`);
      }
      const dedupeKey = `${team.id}/${record.id}`;
      if (seen.has(dedupeKey)) return reject('id', 'DUPLICATE_IN_BATCH', 'The same id appears earlier in this batch.');
      seen.add(dedupeKey);
      rows.push({
        teamId: team.id,
        organizationId: team.organization_id,
        id: record.id,
        endpointId: record.endpointId,
        status: record.status,
        httpStatus: record.httpStatus ?? null,
        startedAt: record.startedAt.toISOString(),
        finishedAt: record.finishedAt?.toISOString() ?? null,
        queueMs: record.queueMs ?? null,
        authKind: record.auth.kind,
        apiKeyId,
        keyOwnerId,
        userId,
        input,
        output,
        payloadBytes,
      });
    });

    const accepted = rows.length ? await this.insert(rows) : 0;
    return { accepted, duplicates: rows.length - accepted, rejected };
  }

  /** Lists a team's requests newest first; `scope` OWN keeps only the viewer's own identity. */
  connection(team: Team, filter: RequestFilter | null | undefined, args: PageArgs, scope: RequestRowScope): Promise<RequestRecordConnection> {
    const query = this.scoped(team.id, scope);
    if (filter?.endpointIds) {
      if (filter.endpointIds.length < 1 || filter.endpointIds.length > 50) {
        throw new BadUserInputError('filter.endpointIds takes 1–50 endpoint ids.', 'filter.endpointIds');
      }
      query.andWhere('r.endpoint_id = ANY(:endpointIds)', { endpointIds: filter.endpointIds });
    }
    if (filter?.statuses?.length) query.andWhere('r.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter?.from) query.andWhere('r.started_at >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('r.started_at < :to', { to: filter.to });
    const identity = filter?.identity;
    if (identity?.userId) {
      const userId = localIdOf(identity.userId, 'User') ?? '00000000-0000-0000-0000-000000000000';
      query.andWhere('r.identity_user_id = :identityUser', { identityUser: userId });
    }
    if (identity?.keyId) {
      query.andWhere('r.api_key_id = (SELECT k.id FROM api_keys k WHERE k.key_id = :identityKey AND k.team_id = r.team_id)', {
        identityKey: identity.keyId,
      });
    }
    return paginate(query, args, {
      connection: RequestRecordConnection,
      // started_at is stored at millisecond precision (it arrives as a JS Date), so the cursor is exact.
      orderBy: 'r.started_at',
      orderValue: (record) => record.startedAt.toISOString(),
      direction: 'DESC',
      rowId: (record) => record.requestId,
    });
  }

  /** Payloads of many requests in one statement, keyed `teamId/id`. */
  async payloads(keys: readonly string[]): Promise<Map<string, { input: unknown; output: unknown }>> {
    const pairs = keys.map((key) => {
      const slash = key.indexOf('/');
      return [key.slice(0, slash), key.slice(slash + 1)] as const;
    });
    const rows: Array<{ team_id: string; id: string; input: unknown; output: unknown }> = await this.db.query(
      // Through the id ledger: its started_at lets each lookup visit one monthly partition instead of all of them.
      `SELECT r.team_id, r.id, r.input, r.output
         FROM unnest($1::uuid[], $2::text[]) AS k(team_id, id)
         JOIN request_record_ids l ON l.team_id = k.team_id AND l.id = k.id
         JOIN request_records r ON r.team_id = l.team_id AND r.id = l.id AND r.started_at = l.started_at`,
      [pairs.map(([teamId]) => (isUuid(teamId) ? teamId : '00000000-0000-0000-0000-000000000000')), pairs.map(([, id]) => id)],
    );
    return new Map(rows.map((row) => [`${row.team_id}/${row.id}`, { input: row.input, output: row.output }]));
  }

  /** One request of a team, when `scope` lists it (the rows `connection` would page through with the same scope). */
  async findOne(teamId: string, id: string, scope: RequestRowScope): Promise<RequestRecord | null> {
    if (!isUuid(teamId)) return null;
    // The ledger's started_at prunes the lookup to one monthly partition.
    return this.scoped(teamId, scope)
      .andWhere('r.id = :id', { id })
      .andWhere('r.started_at = (SELECT l.started_at FROM request_record_ids l WHERE l.team_id = :teamId AND l.id = :id)')
      .getOne();
  }

  /** A team's requests a viewer may list: all of them, or (OWN) those whose identity is the viewer. */
  private scoped(teamId: string, scope: RequestRowScope) {
    const query = this.db.getRepository(RequestRecord).createQueryBuilder('r').where('r.team_id = :teamId', { teamId });
    // A request's identity is its LOGIN user or its key's owner (`identity_user_id`, indexed with the time order).
    if (scope.kind === 'OWN') query.andWhere('r.identity_user_id = :ownUser', { ownUser: scope.userId });
    return query;
  }

  private async insert(rows: ValidRow[]): Promise<number> {
    const column = <K extends keyof ValidRow>(key: K) => rows.map((row) => row[key]);
    const timeout = this.options.bulkStatementTimeoutMs ?? 0;
    const run = (sql: string, parameters: unknown[]) =>
      timeout > 0 ? queryWithTimeout<unknown[]>(this.db, timeout, sql, parameters) : this.db.query<unknown[]>(sql, parameters);
    const inserted: unknown[] = await this.partitions.inserting('request_records', column('startedAt'), () => run(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[],
                              $8::timestamptz[], $9::int[], $10::text[], $11::uuid[], $12::uuid[], $13::uuid[], $14::jsonb[],
                              $15::jsonb[], $16::int[])
                    AS i(team_id, organization_id, id, endpoint_id, status, http_status, started_at, finished_at, queue_ms,
                         auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes)
       ),
       -- One record per (team, id) across every monthly partition: the id ledger holds the unique key.
       claimed AS (
         INSERT INTO request_record_ids (team_id, id, started_at)
         SELECT team_id, id, started_at FROM input ORDER BY team_id, id
         ON CONFLICT (team_id, id) DO NOTHING
         RETURNING team_id, id
       )
       INSERT INTO request_records (team_id, organization_id, id, endpoint_id, status, http_status, started_at, finished_at,
                                    queue_ms, auth_kind, api_key_id, key_owner_id, user_id, input, output, payload_bytes)
       SELECT i.* FROM input i JOIN claimed c ON c.team_id = i.team_id AND c.id = i.id
       RETURNING 1`,
      [
        column('teamId'),
        column('organizationId'),
        column('id'),
        column('endpointId'),
        column('status'),
        column('httpStatus'),
        column('startedAt'),
        column('finishedAt'),
        column('queueMs'),
        column('authKind'),
        column('apiKeyId'),
        column('keyOwnerId'),
        column('userId'),
        column('input'),
        column('output'),
        column('payloadBytes'),
      ],
    ));
    return inserted.length;
  }

  /** Validates JSON text; undefined means rejected (already reported). */
  private payload(text: string | null | undefined, field: string, reject: (field: string, code: string, message: string) => void) {
    if (text === null || text === undefined) return null;
    try {
      JSON.parse(text);
      return text;
    } catch {
      reject(field, 'INVALID_JSON', `${field} is not valid JSON.`);
      return undefined;
    }
  }

  private async lookup<Row>(sql: string, keys: string[], keyOf: (row: Row) => string): Promise<Map<string, Row>> {
    if (keys.length === 0) return new Map();
    const rows: Row[] = await this.db.query(sql, [[...new Set(keys)]]);
    return new Map(rows.map((row) => [keyOf(row), row]));
  }
}
