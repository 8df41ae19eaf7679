import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ClaimCommandsResponseV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, stopApiProcess } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { deadLetter } from './telemetry.js';

/** A canary's decision lives in PostgreSQL and on pg-boss: an api killed while it waits for outcomes decides it after a restart. */

async function graphqlAs<T>(url: string, persona: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const signIn = await fetch(`${url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await (await fetch(`${url}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.data === undefined || body.data === null || body.errors !== undefined) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

async function post(url: string, token: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBeLessThan(300);
  return response.json();
}

function outcome(command: ReprocessCommandV1, ok: boolean): unknown[] {
  const startedAt = new Date().toISOString();
  const run = { automation: command.automation, runId: `rerun-${command.reprocessId}`, attempt: 1, startedAt, reprocessId: command.reprocessId };
  return [
    { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
    ok
      ? { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 }
      : {
          id: randomUUID(),
          type: 'run_failed',
          occurredAt: startedAt,
          ...run,
          durationMs: 40,
          errorClass: 'BankAccountClosedError',
          errorMessage: 'still closed',
          outcome: 'failed',
        },
  ];
}

describe('canary reprocess across an api restart', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    env = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' };
  });

  afterAll(async () => {
    await stopApiProcess(api, 'SIGKILL');
    await db.drop();
  });

  it('decides the canary after the api was killed while it waited for outcomes, and sends the rest once', async () => {
    api = await startApiProcess(env);
    const url = `http://127.0.0.1:${env.PORT}`;
    const { createRuntimeToken } = await graphqlAs<{ createRuntimeToken: { secret: string } }>(
      url,
      'omar',
      `mutation { createRuntimeToken(input: { name: "canary restart", team: "finance-ops", capabilities: [ingest, dead_letters, commands] }) { secret } }`,
    );
    const token = createRuntimeToken.secret;
    const events = Array.from({ length: 4 }, () => deadLetter('payout-reconciliation', { source: { kind: 'sdk', queue: 'payouts.reconcile' } }));
    expect(await post(url, token, '/ingest/v1/events', events)).toMatchObject({ accepted: 4 });
    const ids = (await db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter ORDER BY id`)).map((r) => r.id);
    const { startReprocess } = await graphqlAs<{ startReprocess: { id: string } }>(url, 'otto', `mutation($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`, {
      input: { action: 'reprocess', reason: 'bank account reopened by treasury', selection: { ids }, canary: { count: 2, maxFailureRate: 0.5 } },
    });
    const claim = async () => ((await post(url, token, '/ingest/v1/commands/claim', { max: 50 })) as ClaimCommandsResponseV1).commands;
    const slice = await eventually(claim, (commands) => commands.length > 0, 'the slice offered');
    expect(slice).toHaveLength(2);
    await post(url, token, '/ingest/v1/commands/ack', { reprocessIds: slice.map((c) => c.reprocessId) });

    // The api dies while the canary waits; another starts on the same database.
    await stopApiProcess(api, 'SIGKILL');
    api = await startApiProcess(env);
    await post(url, token, '/ingest/v1/events', [...outcome(slice[0] as ReprocessCommandV1, true), ...outcome(slice[1] as ReprocessCommandV1, false)]);

    const rest = await eventually(claim, (commands) => commands.length > 0, 'the rest offered after the decision');
    expect(rest.map((c) => c.deadLetterId).sort()).toEqual(ids.filter((id) => !slice.some((c) => c.deadLetterId === id)).sort());
    const { reprocessRequest } = await graphqlAs<{ reprocessRequest: { canary: { decision: { outcome: string; reason: string } } } }>(
      url,
      'otto',
      `query($id: ID!) { reprocessRequest(id: $id) { canary { decision { outcome reason } } } }`,
      { id: startReprocess.id },
    );
    expect(reprocessRequest.canary.decision).toEqual({ outcome: 'passed', reason: 'canary: 1 of 2 failed again (50%), within the 50% you set; sending the other 2' });
    const decisions = await db.query<{ action: string }>(`SELECT action FROM audit_entry WHERE target_id = $1 AND action LIKE 'reprocess.canary.%'`, [startReprocess.id]);
    expect(decisions).toEqual([{ action: 'reprocess.canary.passed' }]);
  });
});
