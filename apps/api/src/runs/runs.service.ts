import { Inject, Injectable } from '@nestjs/common';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination.js';
import { InputError } from '../errors/domain-errors.js';
import { grantsOnTeam, type User } from '../auth/index.js';
import { maskMessage } from '../dead-letters/index.js';
import { KnownAutomations } from './known-automations.js';
import type { AutomationHealthType, RunConnectionType, RunStepType, RunType } from './dto/run.type.js';
import { bucketStarts, BUCKETS, countsOf, DEFAULT_BUCKET, figures, sumCounts, WINDOWS, type HealthBucket, type HealthWindow } from './run-health.js';
import { RunsRepository, type RunPosition, type RunQuery, type RunRow } from './runs.repository.js';

export const MAX_RUNS_PAGE = 200;
const TRAIL_LIMIT = 1000;

function toRun(row: RunRow): RunType {
  return {
    automation: { slug: row.automation_slug, title: row.automation_title },
    runId: row.run_id,
    attempt: row.attempt,
    correlationId: row.correlation_id,
    status: row.status,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    durationMs: row.duration_ms,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    manualTouch: row.manual_touch,
  };
}

@Injectable()
export class RunsService {
  constructor(
    @Inject(RunsRepository) private readonly runs: RunsRepository,
    @Inject(KnownAutomations) private readonly automations: KnownAutomations,
  ) {}

  /**
   * Error messages as `user` may read them: in full for those who read the automation's payloads
   * (its team's operators and owners, admins), masked for everyone else (see maskMessage).
   */
  private async shown(rows: readonly RunRow[], user: User | undefined): Promise<RunType[]> {
    const policies = await this.runs.payloadPolicies(rows.filter((row) => row.error_message !== null).map((row) => row.automation_slug));
    return rows.map((row) => {
      const run = toRun(row);
      const policy = policies.get(row.automation_slug);
      if (run.errorMessage !== null && !(policy !== undefined && grantsOnTeam(user, 'dead-letter:payload', policy.ownerTeam))) {
        run.errorMessage = maskMessage(run.errorMessage, policy?.sensitiveFields ?? []);
      }
      return run;
    });
  }

  async list(query: RunQuery, first: number, after: string | undefined, user: User | undefined): Promise<RunConnectionType> {
    checkPageSize(first, MAX_RUNS_PAGE);
    const position =
      after === undefined
        ? undefined
        : decodeCursor(after, ([startedAt, automation, runId, attempt]): RunPosition | undefined =>
            typeof startedAt === 'string' && !Number.isNaN(Date.parse(startedAt)) && typeof automation === 'string' && typeof runId === 'string' && typeof attempt === 'number'
              ? { startedAt, automation, runId, attempt }
              : undefined,
          );
    const found = await this.runs.findPage(query, first + 1, position);
    const rows = found.slice(0, first);
    const nodes = await this.shown(rows, user);
    const edges = rows.map((row, index) => ({ node: nodes[index] as RunType, cursor: encodeCursor([row.started_key, row.automation_slug, row.run_id, row.attempt]) }));
    return { edges, pageInfo: { hasNextPage: found.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async trail(correlationId: string, user: User | undefined): Promise<RunType[]> {
    return this.shown(await this.runs.trail(correlationId, TRAIL_LIMIT), user);
  }

  async trailSteps(correlationId: string): Promise<RunStepType[]> {
    return (await this.runs.trailSteps(correlationId, TRAIL_LIMIT)).map((row) => ({
      automation: { slug: row.automation_slug, title: row.automation_title },
      stepId: row.step_id,
      parentStepId: row.parent_step_id,
      runId: row.run_id,
      name: row.name,
      outcome: row.outcome,
      startedAt: new Date(row.started_at),
      finishedAt: new Date(row.finished_at),
      durationMs: row.duration_ms,
      errorMessage: row.error_message,
    }));
  }

  /** Health over a window, from the per-minute rollups only. */
  async health(slug: string, window: string, bucket: string | undefined, user: User | undefined, now = new Date()): Promise<AutomationHealthType> {
    if (!(window in WINDOWS)) {
      throw new InputError(`The window must be one of ${Object.keys(WINDOWS).join(', ')}.`, [
        { path: 'window', message: `one of ${Object.keys(WINDOWS).join(', ')}`, found: JSON.stringify(window) },
      ]);
    }
    const size = (bucket ?? DEFAULT_BUCKET[window as HealthWindow]) as HealthBucket;
    if (!(size in BUCKETS)) {
      throw new InputError(`The bucket must be one of ${Object.keys(BUCKETS).join(', ')}.`, [
        { path: 'bucket', message: `one of ${Object.keys(BUCKETS).join(', ')}`, found: JSON.stringify(bucket) },
      ]);
    }
    await this.automations.get(slug, user); // NOT_FOUND for an unknown slug
    const bucketMs = BUCKETS[size];
    const to = new Date(Math.ceil(now.getTime() / 60_000) * 60_000);
    const from = new Date(Math.floor((to.getTime() - WINDOWS[window as HealthWindow]) / bucketMs) * bucketMs);
    const rows = await this.runs.rollups(slug, from, to, `${bucketMs / 1000} seconds`);
    const byStart = new Map(rows.map((row) => [new Date(row.at).getTime(), countsOf(row)]));
    const series = bucketStarts(from, to, bucketMs).map((at) => ({ at, ...figures(byStart.get(at.getTime()) ?? sumCounts([])) }));
    const total = figures(sumCounts([...byStart.values()]));
    const activity = await this.runs.activity(slug);
    return { slug, window, bucket: size, from, to, ...total, ...activity, series };
  }
}
