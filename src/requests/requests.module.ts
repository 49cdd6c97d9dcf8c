import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { recordAuditBatch, type Caller } from '../audit/audit';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { RequestRecord } from './requestRecord.entity';
import { RequestIngestResolver, RequestRecordResolver, requestRecordNode, TeamRequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';

const requestLoaders = (db: DataSource, requests: Pick<RequestsService, 'payloads'>) => ({
  requestPayload: new DataLoader<string, { input: unknown; output: unknown } | null>(async (keys) => {
    const found = await requests.payloads(keys);
    return keys.map((key) => found.get(key) ?? null);
  }),
  /**
   * One audit INSERT per GraphQL request for all payloads it opened. Every key of one request carries the same
   * caller (the loaders live as long as the request), so the batch records it once.
   */
  payloadReadAudit: new DataLoader<{ record: RequestRecord; caller: Caller }, true, string>(
    async (reads) => {
      await recordAuditBatch(
        db.manager,
        reads[0].caller,
        reads.map(({ record }) => ({
          organizationId: record.organizationId,
          teamId: record.teamId,
          action: 'request.payloadRead',
          targetType: 'RequestRecord',
          targetId: record.requestId,
        })),
      );
      return reads.map(() => true as const);
    },
    { cacheKeyFn: ({ record }) => `${record.teamId}/${record.requestId}` },
  ),
});

declare module '../app/scope' {
  interface Services {
    requests: RequestsService;
  }
  interface Loaders extends ReturnType<typeof requestLoaders> {}
}

export const requestsModule = defineModule({
  name: 'requests',
  tables: OWNED_TABLES,
  entities: [RequestRecord],
  resolvers: [TeamRequestsResolver, RequestRecordResolver, RequestIngestResolver],
  services: ({ db, config, monthPartitions }) => ({
    requests: new RequestsService(db, { maxPayloadBytes: config.REQUEST_PAYLOAD_MAX_BYTES, bulkStatementTimeoutMs: config.DATABASE_BULK_STATEMENT_TIMEOUT_MS }, monthPartitions),
  }),
  loaders: (db, { requests }) => requestLoaders(db, requests),
  nodeFetchers: {
    // Keyed `teamId/requestId` (the gateway's id); the fetcher checks the team id itself. What it answers is what the
    // team's request log shows this viewer (restricted request view); RequestRecord.payload audits reads.
    RequestRecord: requestRecordNode,
  },
});
