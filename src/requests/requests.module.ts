import DataLoader from 'dataloader';
import { defineModule } from '../app/module';
import { RequestRecord } from './requestRecord.entity';
import { RequestIngestResolver, RequestRecordResolver, requestRecordNode, TeamRequestsResolver } from './requests.resolver';
import { RequestsService } from './requests.service';

const requestLoaders = (requests: Pick<RequestsService, 'payloads'>) => ({
  requestPayload: new DataLoader<string, { input: unknown; output: unknown } | null>(async (keys) => {
    const found = await requests.payloads(keys);
    return keys.map((key) => found.get(key) ?? null);
  }),
});

declare module '../app/scope' {
  interface Services {
    requests: RequestsService;
  }
  interface Loaders extends ReturnType<typeof requestLoaders> {}
}

export const requestsModule = defineModule({
  name: 'requests',
  tables: [],
  entities: [RequestRecord],
  resolvers: [TeamRequestsResolver, RequestRecordResolver, RequestIngestResolver],
  services: ({ db, config, monthPartitions }) => ({
    requests: new RequestsService(db, { maxPayloadBytes: config.REQUEST_PAYLOAD_MAX_BYTES, bulkStatementTimeoutMs: config.DATABASE_BULK_STATEMENT_TIMEOUT_MS }, monthPartitions),
  }),
  loaders: (_db, { requests }) => requestLoaders(requests),
  nodeFetchers: {
    // Keyed `teamId/requestId` (the gateway's id); the fetcher checks the team id itself. What it answers is what the
    // team's request log shows this viewer (restricted request view); RequestRecord.payload audits reads.
    RequestRecord: requestRecordNode,
  },
});
