import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { DataFreshnessRepository } from './data-freshness.repository.js';

/** How current the heavy reads (dashboards, health charts, KPIs, SLOs, exports) are. */
export interface DataFreshness {
  /** They come from a read replica (DATABASE_REPLICA_URL); otherwise from the primary, always current. */
  fromReplica: boolean;
  /** How many seconds behind the primary the replica is; 0 when it has everything. */
  behindSeconds: number;
  /** Figures include changes committed up to this time; null when current. */
  asOf: Date | null;
  /** Behind by more than ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS: the console says so beside the figures. */
  lagging: boolean;
}

@Injectable()
export class DataFreshnessService {
  constructor(
    @Inject(DataFreshnessRepository) private readonly repository: DataFreshnessRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async freshness(): Promise<DataFreshness> {
    const position = await this.repository.replicaPosition();
    if (position === undefined) {
      return { fromReplica: false, behindSeconds: 0, asOf: null, lagging: false };
    }
    if (position.caughtUp) {
      return { fromReplica: true, behindSeconds: 0, asOf: null, lagging: false };
    }
    // Behind, and nothing replayed yet (a replica just made): as far behind as it can be.
    const asOf = position.replayedUpTo;
    const behindSeconds = asOf === null ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor((position.now.getTime() - asOf.getTime()) / 1000));
    const lagging = behindSeconds > this.config.ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS;
    return { fromReplica: true, behindSeconds: Number.isFinite(behindSeconds) ? behindSeconds : 0, asOf, lagging };
  }
}
