import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, launchApi, signIn, stopApiProcess, waitForUrl } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { createTestStream, type TestStream } from './jetstream.js';

/**
 * NATS JetStream end to end, with real processes and the real server: messages a consumer
 * terminated are collected by the api, reprocessed through JetStream, the api killed with SIGKILL
 * mid-dispatch and started again — and the stream holds each reprocessed message once.
 */
const NATS_URL = process.env.NATS_URL;
if (NATS_URL === undefined) {
  process.stderr.write('NATS reprocess fault suite skipped: NATS_URL is not set (.ci/run sets it and starts nats-server).\n');
}

const AUTOMATION = 'payout-reconciliation';
const TOTAL = 2_000;

interface Ledger {
  state: string;
  acknowledged: number;
  open: number;
}

function ledger(db: TestDatabase, requestId: string): Promise<Ledger> {
  return db
    .query<Ledger>(
      `SELECT r.state, count(*) FILTER (WHERE i.state = 'acknowledged')::int AS acknowledged, count(*) FILTER (WHERE i.state IN ('queued', 'dispatched'))::int AS open
         FROM reprocess_request r JOIN reprocess_item i ON i.request_id = r.id WHERE r.id = $1 GROUP BY r.id`,
      [requestId],
    )
    .then((rows) => rows[0] as Ledger);
}

/** Starts the api with collectors and jobs on; when `collecting`, resolves once it collects from the stream's consumer. */
async function startApi(env: Record<string, string>, collecting: boolean): Promise<ChildProcess> {
  const api = launchApi({
    ROUNDHOUSE_DEV_SIGN_IN: 'true',
    ROUNDHOUSE_CONSOLE_DIR: '/nonexistent',
    ROUNDHOUSE_JOBS: 'true',
    ROUNDHOUSE_COLLECTORS: 'true',
    ROUNDHOUSE_COLLECTORS_SYNC_MS: '200',
    LOG_LEVEL: 'info',
    ...env,
  });
  await waitForUrl(api);
  if (collecting) {
    await eventually(
      () => Promise.resolve(api.stdout().includes('collecting JetStream dead letters')),
      (seen) => seen,
      `the api collecting from the stream (it printed: ${api.stderr().slice(-2000)})`,
      60_000,
    );
  }
  return api.child;
}

describe.skipIf(NATS_URL === undefined)('NATS JetStream reprocessing under faults (real server, real processes)', () => {
  let db: TestDatabase;
  let stream: TestStream;
  const apis: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    stream = await createTestStream(NATS_URL ?? '', { maxDeliver: 2 });
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => stopApiProcess(api, 'SIGKILL')));
    await stream.delete();
    await db.drop();
  });

  it('collects what the consumer terminated, reprocesses it through JetStream, and after a SIGKILL mid-dispatch the stream holds each message once', async () => {
    const env: Record<string, string> = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_RUNTIME_TEST_NATS_URL: NATS_URL ?? '', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3' };
    const url = `http://127.0.0.1:${env.PORT}`;
    // The first start migrates and applies the catalog; the automation is then bound to the test's stream.
    let api = await startApi(env, false);
    apis.push(api);
    await db.query(`UPDATE automation SET runtime = $1 WHERE slug = $2`, [
      JSON.stringify({ kind: 'nats', stream: stream.name, consumer: stream.consumer, subject: `${stream.name}.payouts.>`, connection: 'ROUNDHOUSE_RUNTIME_TEST_NATS_URL' }),
      AUTOMATION,
    ]);
    await stopApiProcess(api);
    // Later starts keep that binding (the catalog file says sdk).
    env.ROUNDHOUSE_APPLY_CATALOG = 'false';
    api = await startApi(env, true);
    apis.push(api);

    // A payout runtime that meets a settlement file it cannot parse, and gives up on each batch at once.
    const original = new Set<number>();
    for (let offset = 0; offset < TOTAL; offset += 200) {
      const seqs = await Promise.all(
        Array.from({ length: Math.min(200, TOTAL - offset) }, (_, i) =>
          stream.publish(`{"batch":"ADY-${offset + i}","merchant":"NorthwindEU","amount":"1200.50"}`, { 'Content-Type': 'application/json' }),
        ),
      );
      seqs.forEach((seq) => original.add(seq));
    }
    const poisoned = stream.work(() => 'term');
    await eventually(
      () => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dead_letter WHERE source_queue = $1`, [stream.name]).then((rows) => rows[0]?.n ?? 0),
      (n) => n === TOTAL,
      'every terminated message collected',
      120_000,
    );
    await poisoned.stop();

    const otto = await signIn(url, 'otto');
    const { startReprocess } = await graphql<{ startReprocess: { id: string; total: number; state: string } }>(
      url,
      otto,
      `
        mutation Start($input: StartReprocessInput!) {
          startReprocess(input: $input) {
            id
            total
            state
          }
        }
      `,
      { input: { action: 'reprocess', reason: 'settlement parser fixed', velocity: 300, selection: { filter: { automation: AUTOMATION } } } },
    );
    expect(startReprocess.total).toBe(TOTAL);
    if (startReprocess.state === 'awaiting_approval') {
      await graphql(
        url,
        await signIn(url, 'oscar'),
        `
          mutation Approve($id: ID!) {
            approveReprocess(id: $id) {
              state
            }
          }
        `,
        { id: startReprocess.id },
      );
    }

    await eventually(
      () => ledger(db, startReprocess.id),
      (l) => l.acknowledged >= TOTAL / 4,
      'a quarter confirmed',
      120_000,
    );
    await stopApiProcess(api, 'SIGKILL');
    const atKill = await ledger(db, startReprocess.id);
    expect(atKill.open).toBeGreaterThan(0);

    api = await startApi(env, true);
    apis.push(api);
    const done = await eventually(
      () => ledger(db, startReprocess.id),
      (l) => l.state === 'done',
      'the request done after the restart',
      180_000,
    );
    expect(done.acknowledged).toBe(TOTAL);

    const keys = await db.query<{ reprocess_id: string }>(`SELECT reprocess_id::text AS reprocess_id FROM reprocess_item WHERE request_id = $1`, [startReprocess.id]);
    const resent = (await stream.messages()).filter((m) => !original.has(m.seq));
    expect(resent).toHaveLength(TOTAL);
    expect(new Set(resent.map((m) => m.headers['Nats-Msg-Id']))).toEqual(new Set(keys.map((k) => k.reprocess_id)));
    expect(new Set(resent.map((m) => m.body.toString('utf8'))).size).toBe(TOTAL);

    // The runtime's consumer gets each reprocessed message once.
    const fixed = stream.work(() => 'ack');
    await eventually(
      () => Promise.resolve(fixed.handled.size),
      (n) => n >= TOTAL,
      'every reprocessed message at the consumer',
      60_000,
    );
    await fixed.stop();
    expect([...fixed.handled.values()].every((times) => times === 1)).toBe(true);
    process.stderr.write(`NATS: SIGKILL at ${atKill.acknowledged} confirmed; ${atKill.open} open items resumed, the stream holds ${resent.length} reprocessed messages\n`);
    await stopApiProcess(api);
  }, 420_000);
});
