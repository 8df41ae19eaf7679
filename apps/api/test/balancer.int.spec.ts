import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { RoundhouseClient } from '@roundhouse/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signIn, startApiProcess, stopApiProcess } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { HaProxy, haproxyInstalled } from './haproxy.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { Receiver, confirmedBy, expectEveryMessageOnceOrRepeatedWithItsKey, ledger, seedDeadLetters, startRequest } from './reprocess-traffic.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined || !haproxyInstalled) {
  process.stderr.write('Replicas behind a balancer: skipped, it needs RABBITMQ_URL and haproxy (.ci/run sets the one and installs the other).\n');
}

const VIEWER = `query { viewer { id role } }`;
/** Sign-in attempts a minute per client: above the test's own sign-ins from 127.0.0.1. */
const SIGN_IN_LIMIT = 10;

interface RuntimeToken {
  createRuntimeToken: { secret: string };
}

/**
 * Three api processes behind a real HAProxy, the way a company runs Roundhouse: runtimes report,
 * people work in the console and a 10,000-message reprocess runs, all through the balancer, while
 * one replica is killed without warning.
 */
describe.skipIf(RABBITMQ_URL === undefined || !haproxyInstalled)('three api replicas behind HAProxy, one killed mid-way', () => {
  let db: TestDatabase;
  let balancer: HaProxy;
  const apis: ChildProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    ports.push(await freePort(), await freePort(), await freePort());
    // One session secret for every replica, as in production (unset, each process would make up its own and refuse the others' cookies).
    const env = {
      ...db.env,
      ROUNDHOUSE_SESSION_SECRET: randomBytes(32).toString('hex'),
      ROUNDHOUSE_JOBS: 'true',
      ROUNDHOUSE_COLLECTORS: 'false',
      ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '',
      ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3',
      ROUNDHOUSE_TRUST_PROXY: '1',
      ROUNDHOUSE_SIGN_IN_RATE_LIMIT: String(SIGN_IN_LIMIT),
    };
    apis.push(...(await Promise.all(ports.map((port) => startApiProcess({ ...env, PORT: String(port) })))));
    balancer = new HaProxy(await freePort(), ports);
    await balancer.start();
  }, 120_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(apis.map((api) => stopApiProcess(api, 'SIGKILL')));
    await db?.drop();
  });

  it('loses no report and no message, sends nothing twice, and keeps everyone signed in', async () => {
    const url = balancer.url;
    const marker = `balancer${randomBytes(4).toString('hex')}`;
    const exchange = `rh-balancer-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');

    // People sign in through the balancer; each later request may land on any replica.
    const sessions = { otto: await signIn(url, 'otto'), oscar: await signIn(url, 'oscar'), ada: await signIn(url, 'ada') };
    for (const [persona, cookie] of Object.entries(sessions)) {
      for (let i = 0; i < 3; i += 1) {
        expect((await graphql<{ viewer: { id: string } }>(url, cookie, VIEWER)).viewer.id).toBe(persona);
      }
    }

    // A runtime reports through the balancer with the SDK, before, during and after the kill.
    const { createRuntimeToken } = await graphql<RuntimeToken>(
      url,
      sessions.ada,
      `
        mutation {
          createRuntimeToken(input: { name: "balanced runtime", team: "finance-ops" }) {
            secret
          }
        }
      `,
    );
    const client = new RoundhouseClient({
      url,
      token: createRuntimeToken.secret,
      batchSize: 50,
      flushIntervalMs: 20,
      retry: { maxAttempts: 100, baseDelayMs: 50, maxDelayMs: 500 },
      onDiagnostic: () => undefined,
    });
    let reported = 0;
    const report = async (count: number) => {
      for (let i = 0; i < count; i += 1, reported += 1) {
        client.startRun('invoice-generation', { correlationId: `${marker}-run-${reported}` }).succeed();
        if (i % 100 === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    };

    await seedDeadLetters(url, exchange, 'deal.closed_won', 10_000, marker);
    const requestId = await startRequest(url, marker, 1_000);
    await report(1_000);
    await eventually(
      () => ledger(db, requestId),
      (l) => l.acknowledged >= 2_500,
      'a quarter dispatched',
      120_000,
    );

    // One replica dies without warning, mid-stream and mid-dispatch: the one that has sent the most so far.
    const confirmed = await Promise.all(ports.map(confirmedBy));
    const victim = confirmed.indexOf(Math.max(...confirmed));
    const confirmedByKilled = confirmed[victim] ?? 0;
    expect(confirmedByKilled).toBeGreaterThan(0);
    const midStream = report(2_000);
    await stopApiProcess(apis[victim], 'SIGKILL');
    const atKill = await ledger(db, requestId);
    expect(atKill.state).toBe('running');
    await midStream;

    // The same cookies keep working, whichever replica issued them.
    for (const [persona, cookie] of Object.entries(sessions)) {
      for (let i = 0; i < 3; i += 1) {
        expect((await graphql<{ viewer: { id: string } }>(url, cookie, VIEWER)).viewer.id).toBe(persona);
      }
    }

    const done = await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done on the two replicas left',
      180_000,
    );
    expect(done.acknowledged).toBe(10_000);
    // Every message arrived; a message the killed replica had sent but not yet recorded is sent again with its own key, which the runtime dedupes on.
    const repeats = await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 10_000);
    // Only what the killed replica had in flight: at most its two dispatch workers' batches of 500.
    expect(repeats).toBeLessThanOrEqual(2 * 500);
    const keys = await db.query<{ keys: number }>(`SELECT count(DISTINCT reprocess_id)::int AS keys FROM reprocess_item WHERE request_id = $1`, [requestId]);
    expect(keys[0]?.keys).toBe(10_000);
    process.stderr.write(
      `balancer: replica killed at ${atKill.acknowledged} confirmed (${confirmedByKilled} by it); ${repeats} message(s) sent again, each with its original key\n`,
    );
    // The balancer saw the replica go and sent everything after to the two left.
    expect(balancer.log()).toContain(`Server api/api${victim + 1} is DOWN`);

    await client.flush();
    await client.shutdown();
    expect(client.stats().dropped).toBe(0);
    const [runs] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM run WHERE correlation_id LIKE $1`, [`${marker}-run-%`]);
    expect(runs?.n).toBe(reported);
    const [rollups] = await db.query<{ succeeded: number }>(`SELECT sum(succeeded)::int AS succeeded FROM run_rollup_minute WHERE automation_slug = 'invoice-generation'`);
    expect(rollups?.succeeded).toBe(reported);
    await receiver.stop(exchange);
  }, 400_000);

  it('counts sign-in attempts per client behind the balancer, on the replicas together, whatever X-Forwarded-For the client sends', async () => {
    const statuses = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i += 1) {
      // A client that makes up another address each time, as one dodging the limit would.
      statuses.push(await devSignInFrom(balancer.url, '127.0.0.2', `198.51.100.${i + 1}`));
    }
    // The limit a minute, though round robin spread them over the replicas; the one after is refused.
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMIT).fill(204), 429]);
    // Another client behind the same balancer has its own budget.
    expect(await devSignInFrom(balancer.url, '127.0.0.3')).toBe(204);
  });

  it("does not serve /metrics through the balancer (one replica's, whichever answered); each replica serves its own", async () => {
    for (const path of ['/metrics', '/metrics/', '/Metrics']) {
      expect((await fetch(`${balancer.url}${path}`)).status).toBe(404);
    }
    for (const port of ports.filter((_port, index) => apis[index]?.exitCode === null && apis[index]?.signalCode === null)) {
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('roundhouse_process_start_time_seconds');
    }
  });
});

/** A dev sign-in through the balancer from a client at `localAddress` (on loopback), sending `forwardedFor` as X-Forwarded-For if given; its status. */
function devSignInFrom(url: string, localAddress: string, forwardedFor?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = '{"persona":"ada"}';
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (forwardedFor !== undefined) {
      headers['x-forwarded-for'] = forwardedFor;
    }
    const request = httpRequest(`${url}/auth/dev-sign-in`, { method: 'POST', headers, localAddress, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}
