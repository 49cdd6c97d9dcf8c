import type { UsageReport } from './usage.types';
import type { UsageIngestService } from './usageIngest.service';
import type { UsageQueryArgs, UsageQueryService, UsageScope } from './usageQuery.service';

/** Usage reports as the API returns them: the aggregates plus the ingest watermark (`completeThrough`). */
export class UsageService {
  constructor(
    private readonly query: UsageQueryService,
    private readonly ingest: UsageIngestService,
  ) {}

  async report(scope: UsageScope, args: UsageQueryArgs): Promise<UsageReport> {
    const [report, completeThrough] = await Promise.all([this.query.report(scope, args), this.ingest.completeThrough()]);
    return { ...report, completeThrough };
  }
}
