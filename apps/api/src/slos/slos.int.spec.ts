import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { bucketOf, emptyHistogram } from '../runs/duration-histogram.js';
import { SlosService, type SloStatusResult } from './slos.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface SloStatusGql {
  name: string;
  state: string;
  attainedPercent: number | null;
  errorBudget: { good: number; total: number; bad: number; allowedBad: number; consumedFraction: number; remainingFraction: number; overspent: boolean; noData: boolean } | null;
  burnRates: { rule: string; severity: string; longWindow: string; longBurnRate: number | null; shortWindow: string; shortBurnRate: number | null; firing: boolean }[];
  runbook: { id: string; title: string } | null;
  freshness: { fresh: boolean } | null;
  deadLetters: { pending: number; withinLimit: boolean } | null;
}

const SLOS = `query Slos($slug: String!) {
  automationSlos(slug: $slug) {
    name state attainedPercent
    errorBudget { good total bad allowedBad consumedFraction remainingFraction overspent noData }
    burnRates { rule severity longWindow longBurnRate shortWindow shortBurnRate firing }
    runbook { id title }
    freshness { fresh }
    deadLetters { pending withinLimit }
  }
}`;

function histogram(counts: Record<number, number>): number[] {
  const h = emptyHistogram();
  for (const [bucket, count] of Object.entries(counts)) {
    h[Number(bucket)] = count;
  }
  return h;
}

function byName(statuses: SloStatusResult[], name: string): SloStatusResult {
  const found = statuses.find((s) => s.slo.name === name);
  if (found === undefined) {
    throw new Error(`no SLO ${name} among ${statuses.map((s) => s.slo.name).join(', ')}`);
  }
  return found;
}

function firingRules(status: SloStatusResult): string[] {
  return status.burnRates.filter((r) => r.firing).map((r) => r.rule.name);
}

describe(SlosService.name, () => {
  const t = useTestApi();
  /** Minute-aligned, so every window ends exactly here. */
  const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  let owner: string;

  /** A minute's rollup as ingest keeps it; `latency` adds the exact count at a latency threshold (`run_latency_minute`). */
  async function rollup(
    slug: string,
    minute: Date,
    counts: { succeeded?: number; failed?: number; deadLettered?: number; histogram?: number[]; latency?: { thresholdMs: number; runs: number; within: number } },
  ): Promise<void> {
    if (counts.latency !== undefined) {
      const { thresholdMs, runs, within } = counts.latency;
      await t.db.query(`INSERT INTO run_latency_minute (automation_slug, threshold_ms, minute, runs, within) VALUES ($1, $2, $3, $4, $5)`, [
        slug,
        thresholdMs,
        minute,
        runs,
        within,
      ]);
    }
    await t.db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, dead_lettered, duration_histogram) VALUES ($1, $2, $3, $4, $5, $6)`, [
      slug,
      minute,
      counts.succeeded ?? 0,
      counts.failed ?? 0,
      counts.deadLettered ?? 0,
      counts.histogram ?? emptyHistogram(),
    ]);
  }

  async function deadLetterRow(slug: string, status: string, firstFailedAt: Date): Promise<void> {
    await t.db.query(
      `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, status, body)
       VALUES ($1, 'rabbitmq', 'q.dlq', gen_random_uuid()::text, 'fp', 'TimeoutError', 'no answer', 5, $2, $2, $3, convert_to('{}', 'UTF8'))`,
      [slug, firstFailedAt, status],
    );
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
  });

  it('spends the success-rate budget and pages on a fast burn; a latency tail opens a ticket', async () => {
    // 10 days ago: 9,900 good runs, all 1.2 s. Two minutes ago: 100 runs, 10 of them bad, 5 took 20 minutes.
    await rollup('invoice-generation', at(10 * DAY), {
      succeeded: 9900,
      histogram: histogram({ [bucketOf(1200)]: 9900 }),
      latency: { thresholdMs: 15 * MINUTE, runs: 9900, within: 9900 },
    });
    await rollup('invoice-generation', at(2 * MINUTE), {
      succeeded: 90,
      failed: 6,
      deadLettered: 4,
      histogram: histogram({ [bucketOf(1200)]: 95, [bucketOf(20 * MINUTE)]: 5 }),
      latency: { thresholdMs: 15 * MINUTE, runs: 100, within: 95 },
    });
    const statuses = await t.api.app.get(SlosService).status('invoice-generation', now);

    const success = byName(statuses, 'invoices-succeed');
    // 99.5 % of 10,000 runs allows 50 bad; 10 bad spent 20 % of it.
    expect(success.budget).toMatchObject({
      noData: false,
      good: 9990,
      total: 10_000,
      bad: 10,
      allowedBad: 50,
      consumedFraction: 0.2,
      remainingFraction: 0.8,
      overspent: false,
      attainedPercent: 99.9,
    });
    // The last hour (and every shorter and longer alert window): 10 bad of 100 = 10 % against a 0.5 % budget → burning 20×.
    const fast = success.burnRates.find((r) => r.rule.name === 'fast-burn');
    expect(fast).toMatchObject({ long: { window: '1h', good: 90, total: 100, burnRate: 20 }, short: { window: '5m', good: 90, total: 100, burnRate: 20 }, firing: true });
    expect(fast?.budgetSpentInLongWindow).toBeCloseTo(20 / 720, 12);
    expect(firingRules(success)).toEqual(['fast-burn', 'sustained-burn', 'slow-burn']);
    expect(success.state).toBe('paging');
    expect(success.runbook).toEqual({ id: 'reprocess-dead-letters', title: expect.any(String) as string });

    const latency = byName(statuses, 'invoice-latency');
    // 5 of 10,000 runs over 15 minutes against a 5 % budget of 500: 1 % spent. Over the last hour 5 of 100: exactly 1×.
    expect(latency.budget).toMatchObject({ good: 9995, total: 10_000, bad: 5, allowedBad: 500, consumedFraction: 0.01, attainedPercent: 99.95 });
    expect(latency.burnRates.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate, r.firing])).toEqual([
      ['fast-burn', 1, 1, false],
      ['sustained-burn', 1, 1, false],
      ['slow-burn', 1, 1, true],
    ]);
    expect(latency.state).toBe('burning');
  });

  it('judges the oldest dead letter and the backlog by the ones waiting for a decision only', async () => {
    await deadLetterRow('invoice-generation', 'pending', at(5 * HOUR));
    await deadLetterRow('invoice-generation', 'failed_again', at(3 * HOUR));
    await deadLetterRow('invoice-generation', 'reprocessed', at(10 * HOUR));
    await deadLetterRow('invoice-generation', 'discarded', at(20 * HOUR));
    const age = byName(await t.api.app.get(SlosService).status('invoice-generation', now), 'oldest-failed-invoice');
    // Over its limit now, but the per-minute gauge has no samples yet: no budget spent, no rule fires: at risk, not broken.
    expect(age).toMatchObject({ state: 'burning', budget: { noData: true }, pendingDeadLetters: 2 });
    expect(firingRules(age)).toEqual([]);
    expect(age.oldestDeadLetter).toEqual({ oldestPendingSince: at(5 * HOUR), ageMs: 5 * HOUR, thresholdMs: 4 * HOUR, withinLimit: false });

    for (const status of ['pending', 'pending', 'pending', 'failed_again', 'resolved', 'resolved', 'reprocessing']) {
      await deadLetterRow('crm-enrichment', status, at(HOUR));
    }
    const backlog = byName(await t.api.app.get(SlosService).status('crm-enrichment', now), 'failed-leads-backlog');
    expect(backlog).toMatchObject({ state: 'ok', budget: { noData: true }, pendingDeadLetters: 4 });
    expect(backlog.backlog).toEqual({ pending: 4, maxBacklog: 200, withinLimit: true, headroom: 196 });
  });

  it('spends a dead-letter SLO’s budget in minutes over the limit, from the per-minute gauge', async () => {
    // 100 sampled minutes; the two most recent had 250 failed leads waiting, over the limit of 200.
    for (let k = 1; k <= 100; k += 1) {
      await t.db.query(`INSERT INTO dead_letter_backlog_minute (automation_slug, minute, pending, oldest_pending_since) VALUES ('crm-enrichment', $1, $2, $3)`, [
        at(k * MINUTE),
        k <= 2 ? 250 : 4,
        at(HOUR * 3),
      ]);
    }
    const backlog = byName(await t.api.app.get(SlosService).status('crm-enrichment', now), 'failed-leads-backlog');
    // 99 % of 100 minutes allows 1 bad minute; 2 were bad: the budget is spent twice over.
    expect(backlog.budget).toMatchObject({ noData: false, good: 98, total: 100, bad: 2, overspent: true, attainedPercent: 98 });
    expect(backlog.budget?.allowedBad).toBeCloseTo(1, 12);
    // 1 h: 2 bad of 60 = 3.33 % → 3.33×; 5 m: 2 of 5 = 40 % → 40×; 6 h and 3 d hold all 100: 2 %, 2×; 30 m: 2 of 30 → 6.67×.
    expect(backlog.burnRates.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate, r.firing])).toEqual([
      ['fast-burn', expect.closeTo(100 / 30, 9), expect.closeTo(40, 9), false],
      ['sustained-burn', expect.closeTo(2, 9), expect.closeTo(20 / 3, 9), false],
      ['slow-burn', expect.closeTo(2, 9), expect.closeTo(2, 9), true],
    ]);
    // The backlog is within its limit now (4 waiting) and only the slow burn fires, but the budget is spent: broken.
    expect(backlog.state).toBe('breached');
  });

  it('says "no data" for an automation that has not reported, and holds the dead-letter promise when none waits', async () => {
    const statuses = await t.api.app.get(SlosService).status('order-fulfillment', now);
    const released = byName(statuses, 'orders-released');
    expect(released.state).toBe('no_data');
    expect(released.budget).toMatchObject({ noData: true, attainedPercent: null, remainingFraction: 1 });
    expect(released.burnRates.every((r) => r.long.burnRate === null && r.short.burnRate === null && !r.firing)).toBe(true);
    expect(byName(statuses, 'capture-to-warehouse').state).toBe('no_data');
    expect(byName(statuses, 'oldest-stuck-order')).toMatchObject({ state: 'ok', pendingDeadLetters: 0, oldestDeadLetter: { oldestPendingSince: null, withinLimit: true } });
  });

  it('finds a daily job whose last success is 30 hours old stale against 26 hours, and pages', async () => {
    await rollup('dunning-reminders', at(30 * HOUR), { succeeded: 1, histogram: histogram({ [bucketOf(1200)]: 1 }) });
    await t.db.query(`INSERT INTO automation_activity (automation_slug, last_success_at) VALUES ($1, $2)`, ['dunning-reminders', at(30 * HOUR)]);
    const fresh = byName(await t.api.app.get(SlosService).status('dunning-reminders', now), 'daily-run-fresh');
    expect(fresh.freshness).toMatchObject({ noData: false, ageMs: 30 * HOUR, thresholdMs: 26 * HOUR, fresh: false });
    // Counted from its first report 30 h ago: 1,800 minutes, of which 26 h + the first minute = 1,561 fresh.
    // 95 % allows 90 stale minutes; 239 were stale.
    expect(fresh.budget).toMatchObject({ good: 1561, total: 1800, bad: 239, allowedBad: 90, overspent: true });
    expect(fresh.budget?.consumedFraction).toBeCloseTo(239 / 90, 12);
    expect(fresh.budget?.attainedPercent).toBeCloseTo((1561 / 1800) * 100, 12);
    // The last 4 hours were all stale: 100 % bad against a 5 % budget is 20× over 1 h and 5 m.
    expect(fresh.burnRates[0]).toMatchObject({ long: { good: 0, total: 60, burnRate: 20 }, short: { good: 0, total: 5, burnRate: 20 }, firing: true });
    // Six hours back: 2 h + 1 minute were still fresh.
    expect(fresh.burnRates[1]?.long).toMatchObject({ good: 121, total: 360 });
    // 86.7 % against 95 %, the budget spent 2.7 times over: broken, whatever pages.
    expect(fresh.state).toBe('breached');
    expect(fresh.runbook?.id).toBe('dunning-failures');
  });

  it('counts ingested runs: retries are not events, a failure is', async () => {
    const token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    const startedAt = new Date(Date.now() - 10 * MINUTE);
    const events = [
      ...attempt('payout-reconciliation', { startedAt }),
      ...attempt('payout-reconciliation', { startedAt }),
      ...attempt('payout-reconciliation', { startedAt }),
      ...attempt('payout-reconciliation', { startedAt, end: 'failed' }),
      ...attempt('payout-reconciliation', { startedAt, end: 'retrying' }),
    ];
    expect((await ingest(t.api, token, events)).body.accepted).toBe(events.length);
    const result = await t.api.graphql<{ automationSlos: SloStatusGql[] }>(SLOS, { slug: 'payout-reconciliation' }, owner);
    const batches = result.data?.automationSlos.find((s) => s.name === 'batches-reconciled');
    // 98 %: 4 runs allow 0.08 bad; 1 bad is 12.5× the budget over every window that holds the runs: the 6× rule pages.
    // They ended 10 minutes ago, so the last 5 minutes counted nothing (no burn rate), and the 14.4× rule could not fire anyway.
    expect(batches?.errorBudget).toMatchObject({ good: 3, total: 4, bad: 1, overspent: true, noData: false });
    expect(batches?.errorBudget?.allowedBad).toBeCloseTo(0.08, 12);
    expect(batches?.attainedPercent).toBe(75);
    expect(batches?.burnRates.map((r) => [r.rule, r.longBurnRate, r.shortBurnRate, r.firing])).toEqual([
      ['fast-burn', 12.5, null, false],
      ['sustained-burn', 12.5, 12.5, true],
      ['slow-burn', 12.5, 12.5, true],
    ]);
    // 75 % against 98 %: the promise is broken over the window, not merely at risk.
    expect(batches?.state).toBe('breached');
    expect(result.data?.automationSlos.find((s) => s.name === 'daily-run-fresh')?.freshness).toEqual({ fresh: true });
  });

  it('lets a viewer read the SLO table; an unknown automation is not found', async () => {
    const viewer = await t.api.signIn('vera');
    const result = await t.api.graphql<{ automationSlos: SloStatusGql[] }>(SLOS, { slug: 'invoice-generation' }, viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.automationSlos.map((s) => [s.name, s.state])).toEqual([
      ['invoices-succeed', 'paging'],
      ['invoice-latency', 'burning'],
      ['oldest-failed-invoice', 'burning'],
    ]);
    expect(result.data?.automationSlos[2]).toMatchObject({ errorBudget: { noData: true }, deadLetters: { pending: 2, withinLimit: false } });
    const missing = await t.api.graphql(SLOS, { slug: 'no-such-automation' }, viewer);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.api.graphql(SLOS, { slug: 'invoice-generation' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('SLOs with a team’s own burn-rate rules', () => {
  const t = useTestApi({ ROUNDHOUSE_BURN_RATE_RULES: 'hour-burn:page:2:1h/5m' });

  it('judges every SLO by the configured rules and thresholds', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    // 1 failure in 100 runs over the last 10 minutes: 1 % against a 0.5 % budget burns 2× — at the configured threshold.
    for (let k = 1; k <= 10; k += 1) {
      const h = emptyHistogram();
      h[bucketOf(500)] = 10;
      await t.db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, duration_histogram) VALUES ('invoice-generation', $1, $2, $3, $4)`, [
        new Date(now.getTime() - k * MINUTE),
        k === 1 ? 9 : 10,
        k === 1 ? 1 : 0,
        h,
      ]);
    }
    const success = byName(await t.api.app.get(SlosService).status('invoice-generation', now), 'invoices-succeed');
    expect(success.burnRates.map((r) => [r.rule.name, r.rule.burnRate, r.long.burnRate, r.firing])).toEqual([['hour-burn', 2, 2, true]]);
    // 5 minutes: 1 of 50 = 2 % → 4×.
    expect(success.burnRates[0]?.short.burnRate).toBeCloseTo(4, 12);
    // These 100 runs are all the SLO window holds: 99 % against 99.5 % is broken, not only paging.
    expect(success.state).toBe('breached');
  });
});

describe('SLO windows cover exactly the last W', () => {
  const t = useTestApi();

  it('counts a burst 4 m 30 s ago in the 5m window, and a run 5 m 30 s ago in the 1h window only', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const owner = await t.api.signIn('omar');
    const token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    // 10 s into a minute: a window ending at the next whole minute would reach back only to 4 m 10 s.
    const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE + 10_000);
    const endingAt = (msAgo: number, end: 'succeeded' | 'failed') => attempt('invoice-generation', { startedAt: new Date(now.getTime() - msAgo - 1200), durationMs: 1200, end });
    const events = [
      ...Array.from({ length: 20 }, () => endingAt(4 * MINUTE + 30_000, 'failed')).flat(), // the burst
      ...Array.from({ length: 5 }, () => endingAt(5 * MINUTE + 30_000, 'succeeded')).flat(), // just outside 5m
      ...Array.from({ length: 175 }, () => endingAt(30 * MINUTE, 'succeeded')).flat(),
    ];
    expect((await ingest(t.api, token, events)).body.accepted).toBe(events.length);

    const success = byName(await t.api.app.get(SlosService).status('invoice-generation', now), 'invoices-succeed');
    const fast = success.burnRates.find((r) => r.rule.name === 'fast-burn');
    // (now − 5m, now] holds the 20 failures and nothing else: 100 % bad against a 0.5 % budget is 200×.
    expect(fast?.short).toMatchObject({ window: '5m', good: 0, total: 20, burnRate: 200 });
    // (now − 1h, now] holds all 200 runs: 20 bad is 10 %, 20×.
    expect(fast?.long).toMatchObject({ window: '1h', good: 180, total: 200, burnRate: 20 });
    expect(fast?.firing).toBe(true);
  });

  it('counts a run that ended in the current minute, up to now and not after', async () => {
    const owner = await t.api.signIn('omar');
    const token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 2 * MINUTE + 40_000);
    const endingAt = (msFromNow: number) => attempt('payout-reconciliation', { startedAt: new Date(now.getTime() + msFromNow - 1200), durationMs: 1200, end: 'failed' });
    // One failure 10 s before now, one 10 s after it (in the same minute): only the first has happened at `now`.
    expect((await ingest(t.api, token, [...endingAt(-10_000), ...endingAt(10_000)])).body.accepted).toBe(4);

    const batches = byName(await t.api.app.get(SlosService).status('payout-reconciliation', now), 'batches-reconciled');
    expect(batches.burnRates[0]?.short).toMatchObject({ window: '5m', good: 0, total: 1 });
  });
});

describe('latency SLOs count good runs at their threshold exactly', () => {
  const t = useTestApi();

  it('counts runs at and just under a 15-minute threshold that falls inside a histogram bucket', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const owner = await t.api.signIn('omar');
    const token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    const now = new Date();
    // 15 min = 900,000 ms lies inside the histogram bucket [881,744, 1,048,576) ms: every run below
    // takes a duration in that bucket, so the histogram alone cannot tell good from bad.
    expect(bucketOf(890_000)).toBe(bucketOf(900_000));
    expect(bucketOf(910_000)).toBe(bucketOf(900_000));
    const endingTenMinutesAgo = (durationMs: number) => attempt('invoice-generation', { startedAt: new Date(now.getTime() - 10 * MINUTE - durationMs), durationMs });
    const events = [
      ...Array.from({ length: 60 }, () => endingTenMinutesAgo(890_000)).flat(), // 14 m 50 s: good
      ...Array.from({ length: 20 }, () => endingTenMinutesAgo(900_000)).flat(), // exactly 15 m: good
      ...Array.from({ length: 20 }, () => endingTenMinutesAgo(910_000)).flat(), // 15 m 10 s: bad
    ];
    expect((await ingest(t.api, token, events)).body.accepted).toBe(events.length);

    const latency = byName(await t.api.app.get(SlosService).status('invoice-generation', now), 'invoice-latency');
    // 60 + 20 = 80 of 100 took at most 15 minutes (the histogram's lower edge would have said 0).
    expect(latency.budget).toMatchObject({ good: 80, total: 100, bad: 20 });
    expect(latency.burnRates.find((r) => r.rule.name === 'sustained-burn')?.long).toMatchObject({ window: '6h', good: 80, total: 100 });

    // A changed threshold is counted over the runs still kept, at once: at most 890 s, only the 60.
    await t.db.query(
      `UPDATE automation SET slos = (SELECT jsonb_agg(CASE WHEN s->>'name' = 'invoice-latency' THEN jsonb_set(s, '{threshold}', '"890s"') ELSE s END) FROM jsonb_array_elements(slos) s) WHERE slug = 'invoice-generation'`,
    );
    const tighter = byName(await t.api.app.get(SlosService).status('invoice-generation', now), 'invoice-latency');
    expect(tighter.budget).toMatchObject({ good: 60, total: 100 });
  });
});
