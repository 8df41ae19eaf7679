import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { BoundAutomations } from './bound-automations.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { DeadLettersService } from '../dead-letters/index.js';
import { ROUNDHOUSE_KEEPS, type SourceRetention } from './runtime-adapter.js';
import { RefreshingCache } from './refreshing-cache.js';
import { Runtimes } from './routes.js';
import { durationWords } from './shared/binding-variables.js';

/** Warned about when failures vanish within this long. */
export const RETENTION_HORIZON_MS = 24 * 3600 * 1000;

/** Failures of one automation that its source will remove before long, and a sentence saying so. */
export interface RetentionWarning {
  automation: string;
  sourceQueue: string;
  count: number;
  /** When the first of them goes; null when the source does not say (e.g. messages waiting in a queue with a TTL). */
  expiresAt: Date | null;
  retention: string;
  message: string;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Which failures a source is about to remove: pending dead letters a source must still hold to be
 * reprocessed (a BullMQ job removed by removeOnFail cannot be retried), and messages still waiting,
 * uncollected, in a dead-letter queue with a TTL. Each runtime kind says what its source keeps
 * (RuntimeAdapter.retention); Roundhouse's own copies never expire, so kinds it keeps for are never warned about.
 */
@Injectable()
export class RetentionWarnings {
  /** What each binding's source keeps, by binding and queue: read again in the background once older than ROUNDHOUSE_RETENTION_READ_TTL_MS. */
  private readonly kept: RefreshingCache<SourceRetention>;

  constructor(
    @Inject(Runtimes) private readonly runtimes: Runtimes,
    @Inject(BoundAutomations) private readonly automations: BoundAutomations,
    @Inject(DeadLettersService) private readonly deadLetters: DeadLettersService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.kept = new RefreshingCache(config.ROUNDHOUSE_RETENTION_READ_TTL_MS);
  }

  /** Warnings for one automation, or for every active one bound to a kind whose source keeps failures. */
  async warnings(automation?: string, now: Date = new Date()): Promise<RetentionWarning[]> {
    const warnings: RetentionWarning[] = [];
    for (const adapter of this.runtimes.all()) {
      for (const { slug, runtime } of await this.automations.withRuntime(adapter.kind)) {
        if ((automation === undefined || slug === automation) && runtime !== null) {
          warnings.push(...(await this.forAutomation(slug, runtime, now)));
        }
      }
    }
    return warnings;
  }

  private async forAutomation(slug: string, binding: RuntimeBinding, now: Date): Promise<RetentionWarning[]> {
    const warnings: RetentionWarning[] = [];
    const queues = new Set((await this.deadLetters.pendingSources(slug)).filter((s) => s.source_kind === binding.kind).map((s) => s.source_queue));
    if (binding.deadLetterQueue !== undefined) {
      queues.add(binding.deadLetterQueue);
    }
    for (const queue of queues) {
      const retention = await this.retention(binding, queue);
      if (retention.keeper !== 'source' || typeof retention.maxAgeMs !== 'number') {
        continue;
      }
      const limit = retention.limit ?? retention.summary;
      if (retention.waiting !== undefined) {
        if (retention.waiting > 0 && retention.maxAgeMs <= RETENTION_HORIZON_MS) {
          warnings.push({
            automation: slug,
            sourceQueue: queue,
            count: retention.waiting,
            expiresAt: null,
            retention: limit,
            message: `${plural(retention.waiting, 'dead letter waits', 'dead letters wait')} in queue "${queue}", not collected yet, and expire within ${durationWords(retention.maxAgeMs)} (${limit}).`,
          });
        }
        continue;
      }
      // Failures whose last failure is before this go within the horizon.
      const { count, oldest } = await this.deadLetters.pendingFailedBefore(slug, binding.kind, queue, new Date(now.getTime() + RETENTION_HORIZON_MS - retention.maxAgeMs));
      if (count > 0 && oldest !== null) {
        const expiresAt = new Date(new Date(oldest).getTime() + retention.maxAgeMs);
        const when = expiresAt.getTime() <= now.getTime() ? 'may be gone already' : `expire in ${durationWords(expiresAt.getTime() - now.getTime())}`;
        warnings.push({
          automation: slug,
          sourceQueue: queue,
          count,
          expiresAt,
          retention: limit,
          message: `${plural(count, 'pending dead letter', 'pending dead letters')} ${when} (${limit}): reprocess or discard them before their source removes them.`,
        });
      }
    }
    return warnings;
  }

  /**
   * What the source keeps, as last read from it: the brokers are asked at most once per binding and
   * queue every ROUNDHOUSE_RETENTION_READ_TTL_MS per process (in the background once known), not on
   * every page load and evaluator minute; so a count of waiting messages may be that old.
   */
  private retention(binding: RuntimeBinding, queue: string): Promise<SourceRetention> {
    const adapter = this.runtimes.adapter(binding.kind);
    return adapter === undefined ? Promise.resolve(ROUNDHOUSE_KEEPS) : this.kept.get(JSON.stringify([binding, queue]), () => adapter.retention(binding, queue));
  }
}
