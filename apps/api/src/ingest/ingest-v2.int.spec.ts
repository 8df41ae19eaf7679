import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { RoundhouseClient } from '@roundhouse/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest, ingestV2, wholeAttempt } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { IngestService } from './ingest.service.js';

interface Totals {
  succeeded: number;
  failed: number;
  retried: number;
}

/** Version 2 (`POST /ingest/v2/events`): an attempt's start and end in one `run` event, beside the version 1 events. */
describe(`${IngestService.name} version 2`, () => {
  const t = useTestApi();
  let token: string;

  const totals = async (slug: string): Promise<Totals> => {
    const [row] = await t.db.query<Totals>(
      `SELECT coalesce(sum(succeeded), 0)::int AS succeeded, coalesce(sum(failed), 0)::int AS failed, coalesce(sum(retried), 0)::int AS retried FROM run_rollup_minute WHERE automation_slug = $1`,
      [slug],
    );
    return row as Totals;
  };
  const runOf = async (runId: string) =>
    t.db.query<{ status: string; correlation_id: string | null; duration_ms: number | null; error_class: string | null; counted: boolean; start_seen: boolean }>(
      `SELECT status, correlation_id, duration_ms, error_class, counted, start_seen FROM run WHERE run_id = $1 ORDER BY attempt`,
      [runId],
    );
  const outcomes = async (events: unknown[], version: 1 | 2 = 2) => (await (version === 2 ? ingestV2 : ingest)(t.api, token, events)).body.results.map((r) => r.outcome);

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    token = (await createToken(t.api, await t.api.signIn('omar'), { team: 'finance-ops' })).secret;
  });

  it('stores a whole attempt from one run event, counted once; the same attempt again under any id is a duplicate', async () => {
    const runId = randomUUID();
    const before = await totals('payout-reconciliation');
    const startedAt = new Date(Date.now() - 10_000);
    const run = wholeAttempt('payout-reconciliation', { runId, startedAt, correlationId: 'po_4711', durationMs: 2500, end: 'retrying' });
    expect(await outcomes([run])).toEqual(['accepted']);
    expect(await runOf(runId)).toEqual([{ status: 'retrying', correlation_id: 'po_4711', duration_ms: 2500, error_class: 'RateLimitError', counted: true, start_seen: true }]);
    expect(await outcomes([run, { ...run, id: randomUUID() }])).toEqual(['duplicate', 'duplicate']);
    // Its start or end reported apart, in either version, is a phase already recorded.
    const [started, ended] = attempt('payout-reconciliation', { runId, startedAt, durationMs: 2500, end: 'retrying' });
    expect(await outcomes([started, ended])).toEqual(['duplicate', 'duplicate']);
    expect(await outcomes([started, ended], 1)).toEqual(['duplicate', 'duplicate']);
    expect(await totals('payout-reconciliation')).toEqual({ ...before, retried: before.retried + 1 });
  });

  it('converges a run event with a start or an end of the same attempt reported apart, in any order, counted once', async () => {
    const before = await totals('invoice-generation');
    // The start first (a long run reported its start in an earlier request), then the whole attempt: it adds the end.
    const afterStart = randomUUID();
    const startedFirst = new Date(Date.now() - 120_000);
    const [started] = attempt('invoice-generation', { runId: afterStart, startedAt: startedFirst, correlationId: 'SO-1' });
    expect(await outcomes([started], 1)).toEqual(['accepted']);
    expect((await runOf(afterStart))[0]).toMatchObject({ status: 'running', counted: false, start_seen: true });
    expect(await outcomes([wholeAttempt('invoice-generation', { runId: afterStart, startedAt: startedFirst, durationMs: 900 })])).toEqual(['accepted']);
    expect(await runOf(afterStart)).toEqual([{ status: 'succeeded', correlation_id: 'SO-1', duration_ms: 900, error_class: null, counted: true, start_seen: true }]);

    // The end first (out of order), then the whole attempt: it adds the start; the end already applied stays.
    const afterEnd = randomUUID();
    const startedAt = new Date(Date.now() - 60_000);
    const [, failed] = attempt('invoice-generation', { runId: afterEnd, startedAt, end: 'failed', durationMs: 400, correlationId: 'SO-2' });
    expect(await outcomes([failed])).toEqual(['accepted']);
    expect(await outcomes([wholeAttempt('invoice-generation', { runId: afterEnd, startedAt, end: 'failed', durationMs: 400, correlationId: 'SO-2' })])).toEqual(['accepted']);
    expect(await runOf(afterEnd)).toEqual([{ status: 'failed', correlation_id: 'SO-2', duration_ms: 400, error_class: 'RateLimitError', counted: true, start_seen: true }]);

    // In one request: the start and the whole attempt (one phase each is new), and the whole attempt twice (one of them is a duplicate).
    const together = randomUUID();
    const startedTogether = new Date(Date.now() - 30_000);
    const [alone] = attempt('invoice-generation', { runId: together, startedAt: startedTogether });
    const whole = wholeAttempt('invoice-generation', { runId: together, startedAt: startedTogether });
    // Two new phases, each told accepted once (on whichever event carried it in), the third event a duplicate.
    expect((await outcomes([whole, alone, { ...whole, id: randomUUID() }])).sort()).toEqual(['accepted', 'accepted', 'duplicate']);
    expect((await runOf(together))[0]).toMatchObject({ status: 'succeeded', counted: true, start_seen: true });

    expect(await totals('invoice-generation')).toEqual({ ...before, succeeded: before.succeeded + 2, failed: before.failed + 1 });
  });

  it('counts an attempt once when the same run events arrive on several connections at once, mixed with version 1 events', async () => {
    const startedAt = new Date(Date.now() - 5 * 60_000);
    const wholes = Array.from({ length: 20 }, () => wholeAttempt('dunning-reminders', { startedAt, end: 'retrying' }));
    const apart = Array.from({ length: 10 }, () => attempt('dunning-reminders', { startedAt, end: 'retrying' })).flat();
    const events = [...wholes, ...apart];
    const before = await totals('dunning-reminders');
    const answers = await Promise.all(Array.from({ length: 4 }, () => ingestV2(t.api, token, events)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(events.length);
    expect(answers.reduce((sum, a) => sum + a.body.duplicates, 0)).toBe(3 * events.length);
    expect(await totals('dunning-reminders')).toEqual({ ...before, retried: before.retried + 30 });
  });

  it('quarantines a run event that breaks the contract, or that is sent to version 1, naming why', async () => {
    const { errorClass: _class, errorMessage: _message, ...noError } = wholeAttempt('invoice-generation', { end: 'failed' }) as Record<string, unknown>;
    const unknownAutomation = wholeAttempt('no-such-automation');
    const result = await ingestV2(t.api, token, [noError, unknownAutomation, { ...wholeAttempt('invoice-generation'), outcome: 'running' }]);
    expect(result.body.results.map((r) => r.outcome)).toEqual(['quarantined', 'quarantined', 'quarantined']);
    expect(result.body.results[0]?.reason).toContain('errorClass');
    expect(result.body.results[1]?.reason).toBe('there is no automation "no-such-automation" in the catalog');
    expect(result.body.results[2]?.reason).toContain('outcome: found "running"');
    const onV1 = await ingest(t.api, token, [wholeAttempt('invoice-generation')]);
    expect(onV1.body.results[0]).toMatchObject({ outcome: 'quarantined' });
    expect(onV1.body.results[0]?.reason).toContain('type');
  });

  it('takes what the SDK sends: attempts ended before a flush go out whole, long ones apart, all stored and counted once', async () => {
    const client = new RoundhouseClient({ url: t.api.url, token, batchSize: 40, flushIntervalMs: 60_000, onDiagnostic: () => undefined });
    const before = await totals('payout-reconciliation');
    const long = client.startRun('payout-reconciliation', { correlationId: 'po_long' });
    await client.flush(); // the long attempt's start goes out alone
    const runIds = [long.runId];
    for (let i = 0; i < 100; i += 1) {
      const run = client.startRun('payout-reconciliation', { correlationId: `po_${i}` });
      runIds.push(run.runId);
      if (i % 10 === 0) {
        run.fail(new Error('Stripe answered 500'), { outcome: 'failed' });
      } else {
        run.succeed();
      }
    }
    long.succeed();
    await client.shutdown();
    expect(client.stats()).toMatchObject({ sent: 202, accepted: 202, duplicates: 0, quarantined: 0, dropped: 0 });
    const [stored] = await t.db.query<{ n: number; counted: number; started: number; failed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE counted)::int AS counted, count(*) FILTER (WHERE start_seen)::int AS started,
              count(*) FILTER (WHERE status = 'failed')::int AS failed FROM run WHERE run_id = ANY($1::text[])`,
      [runIds],
    );
    expect(stored).toEqual({ n: 101, counted: 101, started: 101, failed: 10 });
    expect(await totals('payout-reconciliation')).toEqual({ ...before, succeeded: before.succeeded + 91, failed: before.failed + 10 });
  });
});
