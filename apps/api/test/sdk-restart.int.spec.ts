import type { ChildProcess } from 'node:child_process';
import { RoundhouseClient } from '@roundhouse/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess as startApi } from './api-process.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

async function tokenFor(url: string, team: string): Promise<string> {
  const signIn = await fetch(`${url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const session = (await (await fetch(`${url}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ query: `mutation { createRuntimeToken(input: { name: "restart-test", team: "${team}" }) { secret } }` }),
  });
  return ((await response.json()) as { data: { createRuntimeToken: { secret: string } } }).data.createRuntimeToken.secret;
}

describe('SDK to api, across an api restart', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    env = { ...db.env, PORT: String(await freePort()) };
  });

  afterAll(async () => {
    api?.kill('SIGKILL');
    await db.drop();
  });

  it('loses nothing and counts nothing twice when the api is killed mid-stream and started again', async () => {
    api = await startApi(env);
    const url = `http://127.0.0.1:${env.PORT}`;
    const token = await tokenFor(url, 'finance-ops');
    const client = new RoundhouseClient({
      url,
      token,
      batchSize: 50,
      flushIntervalMs: 20,
      retry: { maxAttempts: 100, baseDelayMs: 50, maxDelayMs: 500 },
      onDiagnostic: () => undefined,
    });
    const total = 3_000;
    const outcomes = { succeeded: 0, failed: 0 };
    for (let i = 0; i < total; i += 1) {
      const run = client.startRun(i % 2 === 0 ? 'invoice-generation' : 'payout-reconciliation', { correlationId: `deal-${i}` });
      if (i % 10 === 0) {
        run.fail(new Error('NetSuite answered 500'), { outcome: 'failed' });
        outcomes.failed += 1;
      } else {
        run.succeed();
        outcomes.succeeded += 1;
      }
      if (i === total / 3) {
        // Mid-stream: kill the api without warning, then bring it back on the same port.
        api.kill('SIGKILL');
        await new Promise((resolve) => api?.once('exit', resolve));
        api = await startApi(env);
      }
      if (i % 100 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    await client.flush();
    await client.shutdown();
    expect(client.stats().dropped).toBe(0);

    const [runs] = await db.query<{ n: number; succeeded: number; failed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM run`,
    );
    expect(runs).toEqual({ n: total, ...outcomes });
    const [rollups] = await db.query<{ succeeded: number; failed: number }>(`SELECT sum(succeeded)::int AS succeeded, sum(failed)::int AS failed FROM run_rollup_minute`);
    expect(rollups).toEqual(outcomes);
  });
});
