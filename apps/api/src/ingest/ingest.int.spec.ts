import { deflateSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { RunRetentionJob } from '../runs/run-retention.job.js';
import { IngestService } from './ingest.service.js';

interface Totals {
  succeeded: number;
  failed: number;
  retried: number;
  dead_lettered: number;
}

describe(IngestService.name, () => {
  const t = useTestApi();
  let owner: string;
  let teamToken: string;

  const totals = async (slug: string) => {
    const [row] = await t.db.query<Totals>(
      `SELECT coalesce(sum(succeeded), 0)::int AS succeeded, coalesce(sum(failed), 0)::int AS failed, coalesce(sum(retried), 0)::int AS retried,
              coalesce(sum(dead_lettered), 0)::int AS dead_lettered FROM run_rollup_minute WHERE automation_slug = $1`,
      [slug],
    );
    return row;
  };

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    teamToken = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
  });

  it('stores events once: duplicates and replays change nothing', async () => {
    const events = [...attempt('payout-reconciliation'), ...attempt('payout-reconciliation', { end: 'failed' })];
    const first = await ingest(t.api, teamToken, events);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 4, duplicates: 0, quarantined: 0, forbidden: 0 });
    const before = await totals('payout-reconciliation');
    const replay = await ingest(t.api, teamToken, [...events, events[0]]);
    expect(replay.body).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(replay.body.results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await totals('payout-reconciliation')).toEqual(before);
    expect(before).toMatchObject({ succeeded: 1, failed: 1 });
  });

  it('converges out-of-order events to one run, counted once', async () => {
    const runId = randomUUID();
    const [started, finished] = attempt('dunning-reminders', { runId, correlationId: 'invoice-991', durationMs: 2500 });
    const outcomes = async (events: unknown[]) => (await ingest(t.api, teamToken, events)).body.results.map((r) => r.outcome);
    expect(await outcomes([finished])).toEqual(['accepted']);
    expect(await outcomes([started])).toEqual(['accepted']);
    // The same end or start again under a new event id (a runtime that re-sent it) is the same phase of the same attempt: counted once.
    expect(
      await outcomes([
        { ...finished, id: randomUUID() },
        { ...started, id: randomUUID() },
      ]),
    ).toEqual(['duplicate', 'duplicate']);
    const runs = await t.db.query<{ status: string; correlation_id: string; duration_ms: number }>(`SELECT status, correlation_id, duration_ms FROM run WHERE run_id = $1`, [
      runId,
    ]);
    expect(runs).toEqual([{ status: 'succeeded', correlation_id: 'invoice-991', duration_ms: 2500 }]);
    expect((await totals('dunning-reminders'))?.succeeded).toBe(1);
  });

  it('counts an attempt once when the same report arrives on several connections at once', async () => {
    const events = Array.from({ length: 20 }, () => attempt('dunning-reminders', { startedAt: new Date(Date.now() - 5 * 60_000), end: 'retrying' })).flat();
    const before = await totals('dunning-reminders');
    const answers = await Promise.all(Array.from({ length: 4 }, () => ingest(t.api, teamToken, events)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(events.length);
    expect(answers.reduce((sum, a) => sum + a.body.duplicates, 0)).toBe(3 * events.length);
    expect((await totals('dunning-reminders'))?.retried).toBe((before?.retried ?? 0) + 20);
  });

  it('quarantines invalid events and unknown automations with their reason, shown to the owner', async () => {
    const good = attempt('invoice-generation');
    const result = await ingest(t.api, teamToken, [
      good[0],
      { id: randomUUID(), type: 'run_started', automation: 'invoice-generation', occurredAt: 'yesterday', runId: 'r1', startedAt: new Date().toISOString() },
      { id: randomUUID(), type: 'heartbeat', automation: 'no-such-automation', occurredAt: new Date().toISOString() },
    ]);
    expect(result.body.results.map((r) => r.outcome)).toEqual(['accepted', 'quarantined', 'quarantined']);
    expect(result.body.results[1]?.reason).toContain('occurredAt: found "yesterday"; allowed: an ISO 8601 timestamp');
    expect(result.body.results[2]?.reason).toBe('there is no automation "no-such-automation" in the catalog');
    const listed = await t.api.graphql<{ quarantine: { totalCount: number; edges: { node: { reason: string; tokenName: string; automation: string } }[] } }>(
      '{ quarantine(first: 10) { totalCount edges { node { reason tokenName automation } } } }',
      {},
      owner,
    );
    expect(listed.data?.quarantine.edges.map((e) => e.node.automation)).toEqual(['no-such-automation', 'invoice-generation']);
    expect(listed.data?.quarantine.edges[0]?.node.tokenName).toMatch(/^test runtime /);
    const viewer = await t.api.graphql('{ quarantine { totalCount } }', {}, await t.api.signIn('vera'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a token to its automations: A cannot write B, other teams are refused, revoked tokens stop at once', async () => {
    const admin = await t.api.signIn('ada');
    const onlyA = await createToken(t.api, owner, { team: 'finance-ops', automations: ['invoice-generation'] });
    const [forA] = attempt('invoice-generation');
    const [forB] = attempt('payout-reconciliation');
    const mixed = await ingest(t.api, onlyA.secret, [forA, forB]);
    expect(mixed.body.results.map((r) => [r.outcome, r.status])).toEqual([
      ['accepted', 202],
      ['forbidden', 403],
    ]);
    const onlyB = await ingest(t.api, onlyA.secret, [attempt('payout-reconciliation')[0]]);
    expect(onlyB.status).toBe(403);
    const otherTeam = await ingest(t.api, teamToken, [attempt('order-fulfillment')[0]]);
    expect(otherTeam.body.results[0]?.outcome).toBe('forbidden');
    expect(
      await t.db.query(`SELECT 1 FROM run WHERE automation_slug IN ('payout-reconciliation', 'order-fulfillment') AND run_id = ANY($1)`, [[(forB as { runId: string }).runId]]),
    ).toEqual([]);

    await t.api.graphql('mutation Revoke($id: ID!) { revokeRuntimeToken(id: $id) { revokedAt } }', { id: onlyA.id }, owner);
    expect((await ingest(t.api, onlyA.secret, [attempt('invoice-generation')[0]])).status).toBe(401);
    expect((await ingest(t.api, 'rh_rt_nope', [])).status).toBe(401);
    const noIngest = await createToken(t.api, admin, { team: 'finance-ops', capabilities: ['commands'] });
    expect((await ingest(t.api, noIngest.secret, [attempt('invoice-generation')[0]])).status).toBe(403);
    const otherOwner = await t.api.graphql('{ runtimeTokens(team: "order-ops") { id } }', {}, owner);
    expect(otherOwner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('quarantines a run event holding text PostgreSQL cannot store, and takes an escaped emoji', async () => {
    const [started, finished] = attempt('invoice-generation', { end: 'failed' });
    const [withEmoji] = attempt('invoice-generation', { correlationId: 'SO-\ud83d\ude00' });
    const body = JSON.stringify([{ ...started, correlationId: 'SO-\u0000' }, { ...finished, errorMessage: 'half \ud800' }, withEmoji]).replace('😀', '\\ud83d\\ude00');
    expect(body).toContain('SO-\\ud83d\\ude00');
    const result = await ingest(t.api, teamToken, [], {}, body);
    expect(result.body.results.map((r) => r.outcome)).toEqual(['quarantined', 'quarantined', 'accepted']);
    expect(result.body.results[0]?.reason).toContain('NUL');
    expect(await t.db.query(`SELECT correlation_id FROM run WHERE run_id = $1`, [(withEmoji as { runId: string }).runId])).toEqual([{ correlation_id: 'SO-😀' }]);
  });

  it('stores texts with quotes, backslashes, control characters and escape-like text exactly as sent', async () => {
    const odd = 'He said "no" \\ C:\\tmp\\ \t\n\u0001 \\u0000 {"a":[1]} \'x\' 😀';
    const [started, finished] = attempt('invoice-generation', { end: 'failed' });
    const result = await ingest(t.api, teamToken, [
      { ...started, correlationId: `SO-${odd}` },
      { ...finished, errorMessage: odd },
    ]);
    expect(result.body.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(await t.db.query(`SELECT correlation_id, error_message FROM run WHERE run_id = $1`, [(started as { runId: string }).runId])).toEqual([
      { correlation_id: `SO-${odd}`, error_message: odd },
    ]);
  });

  it('takes gzip, deflate and NDJSON, quarantining a line that is not JSON', async () => {
    const events = attempt('invoice-generation');
    const gz = await ingest(t.api, teamToken, [], { 'content-encoding': 'gzip' }, gzipSync(JSON.stringify(events)));
    expect(gz.body.accepted).toBe(2);
    const deflated = await ingest(t.api, teamToken, [], { 'content-encoding': 'deflate' }, deflateSync(JSON.stringify(attempt('invoice-generation'))));
    expect(deflated.body.accepted).toBe(2);
    const ndjson = `${JSON.stringify(attempt('invoice-generation')[0])}\n{not json\n`;
    const nd = await ingest(t.api, teamToken, [], { 'content-type': 'application/x-ndjson' }, ndjson);
    expect(nd.body.results.map((r) => r.outcome)).toEqual(['accepted', 'quarantined']);
    expect(nd.body.results[1]?.reason).toBe('line 2 is not JSON');
  });

  it('enforces the documented limits with 413 naming the limit', async () => {
    const many = Array.from({ length: 1001 }, () => attempt('invoice-generation')[0]);
    const tooMany = await ingest(t.api, teamToken, many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error?.message).toContain('at most 1000 are allowed');
    const big = await ingest(t.api, teamToken, [], {}, 'x'.repeat(1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.body.error?.message).toContain('1 MiB (1048576 bytes)');
    expect((await ingest(t.api, teamToken, [], {}, '{oops')).status).toBe(400);
  });

  it('quarantines events dated outside the window, naming the field, the value and the window, and applies nothing of them', async () => {
    const health = async () =>
      (
        await t.api.graphql<{ automationHealth: { lastHeartbeatAt: string | null; lastSuccessAt: string | null } }>(
          '{ automationHealth(slug: "payout-reconciliation", window: "1h") { lastHeartbeatAt lastSuccessAt } }',
          {},
          owner,
        )
      ).data?.automationHealth;
    const heartbeat = (occurredAt: string) => ({ id: randomUUID(), type: 'heartbeat', automation: 'payout-reconciliation', occurredAt, instance: 'worker-1' });
    const alive = new Date(Date.now() - 60_000).toISOString();
    expect((await ingest(t.api, teamToken, [heartbeat(alive)])).body.accepted).toBe(1);
    const before = await health();
    expect(before?.lastHeartbeatAt).toBe(alive);
    const rollups = await totals('payout-reconciliation');

    const farFuture = heartbeat('9999-12-31T23:59:59Z');
    const yearOne = attempt('payout-reconciliation', { startedAt: new Date('0001-01-01T00:00:00Z') });
    const yearZero = { ...heartbeat('0000-01-01T00:00:00Z') };
    const [, futureEnd] = attempt('payout-reconciliation', { startedAt: new Date(Date.now() - 1000), durationMs: 3_600_000 });
    const result = await ingest(t.api, teamToken, [farFuture, ...yearOne, yearZero, futureEnd]);
    expect(result.status).toBe(200);
    expect(result.body.results.map((r) => [r.outcome, r.status])).toEqual(Array.from({ length: 5 }, () => ['quarantined', 422]));
    expect(result.body.results[0]?.reason).toMatch(
      /^occurredAt: found "9999-12-31T23:59:59Z"; allowed: a time from \S+Z to \S+Z \(at most 30 days back, the run retention, ROUNDHOUSE_RUN_RETENTION_DAYS, and 300 s ahead of the server clock, ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS\)$/,
    );
    expect(result.body.results[1]?.reason).toMatch(/^occurredAt: found "0001-01-01T00:00:00.000Z"; allowed: a time from/);
    expect(result.body.results[2]?.reason).toMatch(/^occurredAt: found "0001-01-01T00:00:01.200Z"; allowed:/);
    expect(result.body.results[3]?.reason).toMatch(/^occurredAt: found "0000-01-01T00:00:00Z"; allowed:/);
    // A run that started now but says it finished an hour from now.
    expect(result.body.results[4]?.reason).toMatch(/^occurredAt: found "\S+"; allowed: a time from/);

    // Nothing of them touched the runtime's last-seen, the runs or the rollups; the owner sees them in quarantine.
    expect(await health()).toEqual(before);
    expect(await totals('payout-reconciliation')).toEqual(rollups);
    expect(await t.db.query(`SELECT 1 FROM run WHERE run_id = ANY($1)`, [[(yearOne[0] as { runId: string }).runId, (futureEnd as { runId: string }).runId]])).toEqual([]);
    const listed = await t.api.graphql<{ quarantine: { edges: { node: { reason: string } }[] } }>('{ quarantine(first: 5) { edges { node { reason } } } }', {}, owner);
    expect(listed.data?.quarantine.edges.filter((e) => e.node.reason.includes('ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS'))).toHaveLength(5);
  });

  it('takes events a little ahead of the server clock, and KPI measurements and dead letters back to their own limit', async () => {
    const minuteAhead = new Date(Date.now() + 60_000);
    const ahead = await ingest(t.api, teamToken, [
      { id: randomUUID(), type: 'heartbeat', automation: 'invoice-generation', occurredAt: minuteAhead.toISOString() },
      ...attempt('invoice-generation', { startedAt: minuteAhead, durationMs: 10 }),
    ]);
    expect(ahead.body.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);

    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const kpi = (occurredAt: string) => ({ id: randomUUID(), type: 'kpi_measurement', automation: 'payout-reconciliation', kpi: 'unmatched-lines', value: 3, occurredAt });
    const old = await ingest(t.api, teamToken, [
      kpi(daysAgo(90)),
      deadLetter('payout-reconciliation', { occurredAt: daysAgo(60), firstFailedAt: daysAgo(61) }),
      ...attempt('invoice-generation', { startedAt: new Date(daysAgo(29)) }),
      kpi(daysAgo(367)),
      deadLetter('payout-reconciliation', { firstFailedAt: daysAgo(400) }),
      { id: randomUUID(), type: 'heartbeat', automation: 'invoice-generation', occurredAt: daysAgo(31) },
    ]);
    expect(old.body.results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'quarantined', 'quarantined', 'quarantined']);
    expect(old.body.results[4]?.reason).toMatch(
      /^occurredAt: found "\S+"; allowed: a time from \S+ to \S+ \(at most 366 days back, ROUNDHOUSE_INGEST_MAX_AGE_DAYS, and 300 s ahead/,
    );
    expect(old.body.results[5]?.reason).toMatch(/^firstFailedAt: found/);
    expect(old.body.results[6]?.reason).toMatch(/at most 30 days back, the run retention/);
  });

  it('turns rollups into health, runs into trails, and counts ingest in /metrics', async () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    const events = [
      ...attempt('regulatory-export', { correlationId: 'oss-2026-q3', startedAt: at(30), durationMs: 100 }),
      ...attempt('regulatory-export', { correlationId: 'oss-2026-q3', startedAt: at(20), durationMs: 400, end: 'retrying' }),
      ...attempt('regulatory-export', { correlationId: 'oss-2026-q3', startedAt: at(19), durationMs: 1600, attempt: 2 }),
      ...attempt('regulatory-export', { startedAt: at(10), durationMs: 6400, end: 'dead_lettered' }),
    ];
    const compliance = await createToken(t.api, await t.api.signIn('ada'), { team: 'data-compliance' });
    expect((await ingest(t.api, compliance.secret, events)).body.accepted).toBe(8);
    const health = await t.api.graphql<{
      automationHealth: { throughput: number; successRate: number; errorRate: number; retryRate: number; p50Ms: number; series: { throughput: number }[]; lastSuccessAt: string };
    }>('{ automationHealth(slug: "regulatory-export", window: "1h") { throughput successRate errorRate retryRate p50Ms series { throughput } lastSuccessAt } }', {}, owner);
    const h = health.data?.automationHealth;
    expect(h).toMatchObject({ throughput: 4, successRate: 2 / 3, errorRate: 1 / 3, retryRate: 1 / 4 });
    expect(h?.series.reduce((sum, p) => sum + p.throughput, 0)).toBe(4);
    expect(h?.series.length).toBeGreaterThanOrEqual(60);
    expect(Math.abs((h?.p50Ms ?? 0) - 400) / 400).toBeLessThan(0.091);
    expect(h?.lastSuccessAt).not.toBeNull();

    const trail = await t.api.graphql<{ trail: { attempt: number; status: string }[] }>('{ trail(correlationId: "oss-2026-q3") { attempt status } }', {}, owner);
    expect(trail.data?.trail).toEqual([
      { attempt: 1, status: 'succeeded' },
      { attempt: 1, status: 'retrying' },
      { attempt: 2, status: 'succeeded' },
    ]);
    const failed = await t.api.graphql<{ runs: { edges: { node: { status: string; errorClass: string } }[] } }>(
      '{ runs(filter: { automation: "regulatory-export", status: dead_lettered }) { edges { node { status errorClass } } } }',
      {},
      owner,
    );
    expect(failed.data?.runs.edges.map((e) => e.node)).toEqual([{ status: 'dead_lettered', errorClass: 'RateLimitError' }]);

    const metrics = await (await fetch(`${t.api.url}/metrics`)).text();
    expect(metrics).toMatch(/roundhouse_ingest_events_total\{outcome="accepted"\} \d+/);
    expect(metrics).toContain('roundhouse_http_request_duration_seconds_bucket');
  });

  it('pages runs that started within the same millisecond without losing any', async () => {
    const compliance = await createToken(t.api, await t.api.signIn('ada'), { team: 'data-compliance' });
    // Yesterday, within the window ingest takes.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const events = Array.from({ length: 7 }, (_, i) => {
      const startedAt = `${day}T09:00:00.000${String((i + 1) * 41).padStart(3, '0')}Z`;
      return { id: randomUUID(), type: 'run_started', automation: 'regulatory-export', occurredAt: startedAt, runId: `same-ms-${i}`, startedAt };
    });
    expect((await ingest(t.api, compliance.secret, events)).body.accepted).toBe(7);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const page: { data?: { runs: { edges: { node: { runId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await t.api.graphql(
        'query Page($after: String, $from: DateTime!, $to: DateTime!) { runs(first: 2, after: $after, filter: { from: $from, to: $to }) { edges { node { runId } } pageInfo { hasNextPage endCursor } } }',
        { after, from: `${day}T09:00:00Z`, to: `${day}T09:00:00.001Z` },
        owner,
      );
      seen.push(...(page.data?.runs.edges.map((e) => e.node.runId) ?? []));
      if (page.data?.runs.pageInfo.hasNextPage !== true) {
        break;
      }
      after = page.data.runs.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(7);
  });

  it('pages runs newest first without repeats, and deletes raw runs past retention', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i += 1) {
      const page: { data?: { runs: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await t.api.graphql(
        'query Page($after: String) { runs(first: 3, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }',
        { after },
        owner,
      );
      seen.push(...(page.data?.runs.edges.map((e) => e.cursor) ?? []));
      if (page.data?.runs.pageInfo.hasNextPage !== true) {
        break;
      }
      after = page.data.runs.pageInfo.endCursor;
    }
    const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM run');
    expect(new Set(seen).size).toBe(count?.n);
    expect(seen.length).toBe(count?.n);

    const deleted = await t.api.app.get(RunRetentionJob).run(new Date(Date.now() + 31 * 86_400_000));
    expect(deleted).toBe(count?.n);
    expect(await t.db.query('SELECT 1 FROM run')).toEqual([]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM run_rollup_minute'))[0]?.n).toBeGreaterThan(0);
  });
});
