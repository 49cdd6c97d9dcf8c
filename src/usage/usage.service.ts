import type { UsageReport } from './usage.types';
import type { ItemsJsonShape } from './usageItemsJson';
import type { UsageIngestService } from './usageIngest.service';
import type { UsageQueryArgs, UsageQueryService, UsageScope } from './usageQuery.service';

/** Usage reports as the API returns them: the aggregates plus the ingest watermark (`completeThrough`). */
export class UsageService {
  constructor(
    private readonly query: UsageQueryService,
    private readonly ingest: UsageIngestService,
  ) {}

  /**
   * `paging`: GraphQL pages count buckets, REST pages count items; `itemsJson`: see UsageQueryService.report;
   * `watermark: false` when the caller does not show `completeThrough` (left null; one statement fewer).
   */
  async report(
    scope: UsageScope,
    args: UsageQueryArgs,
    paging: 'BUCKETS' | 'ITEMS' = 'BUCKETS',
    itemsJson: ItemsJsonShape | null = null,
    watermark = true,
  ): Promise<UsageReport> {
    const [report, completeThrough] = await Promise.all([
      this.query.report(scope, args, new Date(), paging, itemsJson),
      watermark ? this.ingest.completeThrough() : null,
    ]);
    return { ...report, completeThrough };
  }
}
