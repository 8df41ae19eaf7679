import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { retryDelayMs } from '../common/backoff.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { TransportUnavailableError, Runtimes, type DispatchOutcome } from '../runtimes/index.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { JobsService } from '../jobs/index.js';
import { MetricsService } from '../metrics/index.js';
import { ReprocessItemsRepository, type ClaimedItem } from './reprocess-items.repository.js';
import { ReprocessRepository, type RequestRow } from './reprocess.repository.js';
import { commandOf } from './reprocess-commands.service.js';
import { ReprocessService } from './reprocess.service.js';
import { DISPATCH_QUEUE, enqueueRequest, type DispatchJob } from './reprocess-enqueue.js';

/** A worker hands its request back to the queue after this long, so the work moves between processes. */
const SLICE_MS = 20_000;
/** Slices one process works at once, over all requests: fewer than LANES, so a second process takes the other lanes. */
const WORKERS_PER_PROCESS = 2;
/** A message that its transport keeps refusing for a while is given up after this many tries. */
export const MAX_ATTEMPTS = 8;
const MAX_BATCH = 500;
const IDLE_MS = 250;
/** A snapshot this large changes the ledger's statistics enough to refresh them before it is claimed. */
const ANALYZE_AFTER = 5_000;
/** Requests whose refresh this process remembers; the oldest is forgotten past this. */
const ANALYZED_KEPT = 64;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Works reprocess requests on pg-boss. A worker claims a request's next items (recording the
 * intent before sending), waits for its turn under the request's velocity limit, sends them
 * through the route's dispatch adapter and records what the transport said. A crash leaves sent but
 * unconfirmed items `dispatched`; when their lease runs out, any worker sends them again with the
 * same idempotency key. Confirmed items are never sent again.
 */
@Injectable()
export class ReprocessDispatchJob implements OnModuleInit {
  constructor(
    @Inject(ReprocessRepository) private readonly ledger: ReprocessRepository,
    @Inject(ReprocessItemsRepository) private readonly items: ReprocessItemsRepository,
    @Inject(Runtimes) private readonly runtimes: Runtimes,
    @Inject(ReprocessService) private readonly requests: ReprocessService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  /** Large requests whose ledger statistics this process refreshed (or is refreshing): their lanes wait for the one ANALYZE. */
  private readonly analyzed = new Map<string, Promise<void>>();

  onModuleInit(): void {
    this.jobs.registerWorker<DispatchJob>({
      name: DISPATCH_QUEUE,
      workers: WORKERS_PER_PROCESS,
      expireInSeconds: 120,
      handle: async (job) => void (await this.work(job.requestId, job.lane)),
    });
    // Every minute, and when a process starts: pick up running requests nobody is working (their process died).
    this.jobs.register({ name: 'reprocess-sweep', cron: '* * * * *', run: () => this.sweep() });
    this.jobs.onStarted(() => this.sweep());
  }

  async sweep(): Promise<void> {
    for (const request of await this.ledger.runningRequests()) {
      await enqueueRequest(this.jobs, request.id, request.canary_open);
    }
  }

  /** One worker's slice of a request. Answers whether the request still has work for later. */
  async work(requestId: string, lane = 0, sliceMs = SLICE_MS): Promise<boolean> {
    const request = await this.ledger.request(requestId);
    if (request?.state !== 'running') {
      return false;
    }
    await this.freshStatistics(request);
    const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(request.velocity / 5)));
    const deadline = Date.now() + sliceMs;
    const runtimes = new Map<string, RuntimeBinding | null>();
    let outage = 0;
    while (Date.now() < deadline) {
      const batch = await this.items.claim(requestId, batchSize, this.config.ROUNDHOUSE_REPROCESS_LEASE_SECONDS);
      if (batch.length === 0) {
        if (!(await this.hasWorkLeft(requestId))) {
          return false;
        }
        await sleep(IDLE_MS);
        continue;
      }
      const slot = await this.items.reserveSlot(requestId, batch.length);
      await sleep((slot?.getTime() ?? 0) - Date.now());
      for (const group of this.groupByTarget(batch)) {
        outage = await this.send(requestId, group, runtimes, outage);
      }
    }
    this.log.debug({ requestId, lane }, 'reprocess slice ends; the request goes back to the queue');
    await this.jobs.send(DISPATCH_QUEUE, { requestId, lane }, { singletonKey: `${requestId}:${lane}` });
    return true;
  }

  /**
   * Before a large request's first claim in this process, fresh planner statistics of the ledger
   * (the snapshot changed them: ReprocessRepository.analyze), once: the request's other lanes wait
   * for the same ANALYZE, and its later slices find it done. The mutation answers without it.
   */
  private freshStatistics(request: RequestRow): Promise<void> {
    if (request.total < ANALYZE_AFTER) {
      return Promise.resolve();
    }
    let done = this.analyzed.get(request.id);
    if (done === undefined) {
      done = this.ledger.analyze().catch((error: unknown) => {
        this.analyzed.delete(request.id);
        throw error;
      });
      this.analyzed.set(request.id, done);
      if (this.analyzed.size > ANALYZED_KEPT) {
        this.analyzed.delete(this.analyzed.keys().next().value as string); // the oldest: its lanes are long past their first claim
      }
    }
    return done;
  }

  /** False once the request is finished, paused or cancelled, or only waits for SDK runtimes to pull. */
  private async hasWorkLeft(requestId: string): Promise<boolean> {
    const current = await this.ledger.request(requestId);
    return current?.state === 'running' && (await this.requests.settle(requestId));
  }

  /** Sends one group (one automation, one route); answers the transport outage backoff to use next. */
  private async send(requestId: string, items: readonly ClaimedItem[], runtimes: Map<string, RuntimeBinding | null>, outage: number): Promise<number> {
    const first = items[0] as ClaimedItem;
    if (first.route === 'discard') {
      await this.items.discard(items.map((i) => i.id));
      this.metrics.countReprocess('discard', 'confirmed', items.length);
      return 0;
    }
    if (first.route === 'sdk') {
      // Offered: the runtime's SDK pulls them (POST /ingest/v1/commands/claim).
      this.metrics.countReprocess('sdk', 'offered', items.length);
      return outage;
    }
    if (!runtimes.has(first.automation_slug)) {
      runtimes.set(first.automation_slug, await this.ledger.runtimeOf(first.automation_slug));
    }
    const dispatcher = this.runtimes.dispatcher(first.route);
    const now = new Date();
    const sent =
      dispatcher === undefined
        ? `no runtime kind sends route ${first.route}`
        : dispatcher.dispatch(
            runtimes.get(first.automation_slug) ?? null,
            first.source_queue,
            items.map((i) => commandOf(i, now)),
          );
    try {
      const outcomes = await sent;
      if (typeof outcomes === 'string') {
        await this.items.fail(items.map((i) => ({ id: i.id, error: `Not sent: ${outcomes}.` })));
        this.metrics.countReprocess(first.route, 'rejected', items.length);
        return outage;
      }
      await this.record(items, outcomes, first.route);
      if (outage > 0) {
        await this.ledger.setWaiting(requestId, null);
      }
      return 0;
    } catch (error) {
      const wait = Math.min(15_000, Math.max(1_000, outage * 2));
      const why = error instanceof TransportUnavailableError ? error.message : `unexpected dispatch error: ${String(error)}`;
      if (!(error instanceof TransportUnavailableError)) {
        this.log.error({ requestId, route: first.route, err: error }, 'reprocess dispatch failed');
      }
      await this.items.retryLater(
        items.map((i) => ({ id: i.id, error: why, notBefore: new Date(Date.now() + wait) })),
        false,
      );
      await this.ledger.setWaiting(requestId, `${this.runtimes.label(first.route)} is unreachable (${why}); trying again every ${Math.round(wait / 1000)} s.`);
      this.metrics.countReprocess(first.route, 'unavailable', items.length);
      return wait;
    }
  }

  private async record(items: readonly ClaimedItem[], outcomes: readonly DispatchOutcome[], route: string): Promise<void> {
    const byKey = new Map(outcomes.map((o) => [o.reprocessId, o]));
    const confirmed: string[] = [];
    const failed: { id: string; error: string }[] = [];
    const later: { id: string; error: string; notBefore: Date }[] = [];
    for (const item of items) {
      const outcome = byKey.get(item.reprocess_id) ?? { reprocessId: item.reprocess_id, result: 'retry' as const, error: 'the transport gave no answer for this message' };
      if (outcome.result === 'confirmed') {
        confirmed.push(item.id);
      } else if (outcome.result === 'rejected') {
        failed.push({ id: item.id, error: outcome.error });
      } else if (item.attempts >= MAX_ATTEMPTS) {
        failed.push({ id: item.id, error: `Gave up after ${item.attempts} tries: ${outcome.error}` });
      } else {
        later.push({ id: item.id, error: outcome.error, notBefore: new Date(Date.now() + (outcome.retryAfterMs ?? retryDelayMs(item.attempts))) });
      }
    }
    await this.items.acknowledge(confirmed);
    await this.items.fail(failed);
    await this.items.retryLater(later, true);
    this.metrics.countReprocess(route, 'confirmed', confirmed.length);
    this.metrics.countReprocess(route, 'rejected', failed.length);
    this.metrics.countReprocess(route, 'retry', later.length);
  }

  /** Items for the same automation and route (and batch key, e.g. BullMQ queue), in claim order. */
  private groupByTarget(items: readonly ClaimedItem[]): ClaimedItem[][] {
    const groups = new Map<string, ClaimedItem[]>();
    for (const item of items) {
      const key = `${item.automation_slug}\u0000${item.route}\u0000${this.runtimes.dispatcher(item.route)?.batchKey?.(item.source_queue) ?? ''}`;
      const group = groups.get(key);
      if (group === undefined) {
        groups.set(key, [item]);
      } else {
        group.push(item);
      }
    }
    return [...groups.values()];
  }
}
