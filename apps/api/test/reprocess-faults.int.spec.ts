import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, stopApiProcess as stopApi } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { Receiver, expectEveryMessageOnceOrRepeatedWithItsKey, ledger, seedDeadLetters, startRequest } from './reprocess-traffic.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * Fault tests of durable reprocessing, with real processes and a real RabbitMQ: the api killed
 * with SIGKILL in the middle of a 10,000-message request, two api processes sharing one request,
 * and the broker going away during dispatch.
 */
const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  process.stderr.write('Reprocess fault suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startApi = (env: Record<string, string>) => startApiProcess({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_COLLECTORS: 'false', ...env });

describe.skipIf(RABBITMQ_URL === undefined)('durable reprocessing under faults (real RabbitMQ, real processes)', () => {
  let db: TestDatabase;
  const apis: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => stopApi(api, 'SIGKILL')));
    await db.drop();
  });

  it('resumes a 10,000-message request after SIGKILL: every message dispatched and received, none lost, repeats carry the same key', async () => {
    const marker = `kill${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const env = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3' };
    const url = `http://127.0.0.1:${env.PORT}`;
    let api = await startApi(env);
    apis.push(api);
    await seedDeadLetters(url, exchange, 'deal.closed_won', 10_000, marker);
    const requestId = await startRequest(url, marker, 2_000);

    await eventually(
      () => ledger(db, requestId),
      (l) => l.acknowledged >= 2_500,
      'a quarter dispatched',
      120_000,
    );
    await stopApi(api, 'SIGKILL');
    const atKill = await ledger(db, requestId);
    expect(atKill.open).toBeGreaterThan(0);

    api = await startApi(env);
    apis.push(api);
    const done = await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done after the restart',
      120_000,
    );
    expect(done.acknowledged).toBe(10_000);
    const repeats = await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 10_000);
    process.stderr.write(`SIGKILL at ${atKill.acknowledged} confirmed: ${repeats} message(s) sent again after the restart, each with its original key\n`);
    await stopApi(api);
    await receiver.stop(exchange);
  }, 300_000);

  it('shares one request between two api processes without sending any message twice', async () => {
    const marker = `share${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const base = { ...db.env, ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '60' };
    const ports = [await freePort(), await freePort()];
    const [one, two] = await Promise.all(ports.map((port) => startApi({ ...base, PORT: String(port) })));
    apis.push(one as ChildProcess, two as ChildProcess);
    const url = `http://127.0.0.1:${ports[0]}`;
    await seedDeadLetters(url, exchange, 'deal.closed_won', 4_000, marker);
    const requestId = await startRequest(url, marker, 1_000);
    const done = await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done',
      120_000,
    );
    expect(done.acknowledged).toBe(4_000);
    const repeats = await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 4_000);
    expect(repeats).toBe(0);
    const confirmedBy = await Promise.all(
      ports.map(async (port) => {
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return Number(/roundhouse_reprocess_messages_total\{route="rabbitmq",result="confirmed"\} (\d+)/.exec(metrics)?.[1] ?? 0);
      }),
    );
    expect((confirmedBy[0] ?? 0) + (confirmedBy[1] ?? 0)).toBe(4_000);
    expect(confirmedBy.every((count) => count > 0)).toBe(true);
    process.stderr.write(`two processes confirmed ${confirmedBy.join(' + ')} messages\n`);
    await Promise.all([stopApi(one), stopApi(two)]);
    await receiver.stop(exchange);
  }, 300_000);

  it('waits while the broker is down, says so, and completes when it is back', async () => {
    const marker = `outage${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const broker = new URL(RABBITMQ_URL ?? '');
    const proxy = new TcpProxy(await freePort(), { host: broker.hostname, port: Number(broker.port || 5672) });
    await proxy.start();
    const proxied = new URL(RABBITMQ_URL ?? '');
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const env = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_RUNTIME_RABBITMQ_URL: proxied.toString(), ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3' };
    const api = await startApi(env);
    apis.push(api);
    const url = `http://127.0.0.1:${env.PORT}`;
    await seedDeadLetters(url, exchange, 'deal.closed_won', 2_000, marker);
    const requestId = await startRequest(url, marker, 400);

    await eventually(
      () => ledger(db, requestId),
      (l) => l.acknowledged >= 300,
      'dispatch under way',
      120_000,
    );
    await proxy.stop();
    const waiting = await eventually(
      () => ledger(db, requestId),
      (l) => l.waiting_reason !== null,
      'the request to say it waits',
      30_000,
    );
    expect(waiting.waiting_reason).toMatch(/RabbitMQ is unreachable/);
    expect(waiting.waiting_reason).not.toContain('guest:guest');
    await sleep(3_000);
    const during = await ledger(db, requestId);
    expect(during.state).toBe('running');
    expect(during.acknowledged).toBeLessThan(2_000);

    await proxy.start();
    const done = await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done once the broker is back',
      120_000,
    );
    expect(done).toMatchObject({ acknowledged: 2_000, waiting_reason: null });
    await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 2_000);
    await stopApi(api);
    await proxy.stop();
    await receiver.stop(exchange);
  }, 300_000);
});
