import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestStream, type TestStream } from '../../../test/jetstream.js';
import { useTestApi } from '../../../test/harness.js';
import { CatalogService } from '../../catalog/catalog.service.js';
import { createLogger } from '../../logging/logger.js';
import { NatsCollector } from './nats-collector.service.js';

const NATS_URL = process.env.NATS_URL;
if (NATS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('NATS JetStream collector suite skipped: NATS_URL is not set (.ci/run sets it and starts nats-server).\n');
}

interface Row {
  message_id: string;
  error_class: string;
  error_message: string;
  attempts: number;
  deliveries: number;
  source_kind: string;
  source_routing_key: string;
  headers: Record<string, string>;
  body: Buffer;
  content_type: string | null;
}

describe.skipIf(NATS_URL === undefined)(NatsCollector.name, () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  const t = useTestApi({}, () => createLogger('info', sink));
  const streams: TestStream[] = [];
  const url = NATS_URL ?? '';

  const rows = (stream: string) =>
    t.db.query<Row>(
      `SELECT message_id, error_class, error_message, attempts, deliveries, source_kind, source_routing_key, headers, body, content_type FROM dead_letter WHERE source_queue = $1 ORDER BY message_id::int`,
      [stream],
    );

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
  });

  afterEach(async () => {
    await t.api.app.get(NatsCollector).sync([]);
  });

  afterAll(async () => {
    await t.api.app.get(NatsCollector).stop();
    await Promise.all(streams.map((s) => s.delete()));
  });

  it('stores exactly the messages the consumer gave up on — terminated and max deliveries reached — with stream, consumer, subject, deliveries, headers and bytes as stored', async () => {
    const stream = await createTestStream(url, { maxDeliver: 3 });
    streams.push(stream);
    await t.api.app.get(NatsCollector).start([{ automation: 'payout-reconciliation', url, stream: stream.name, consumer: stream.consumer }]);

    // A poison message (a body no schema accepts) the runtime terminates, one whose downstream keeps timing out, and two good ones.
    const latin1 = Buffer.from('payout;42;Zürich;€ 1 200,00\n', 'latin1');
    const poison = await stream.publish(latin1, { 'Content-Type': 'text/csv; charset=iso-8859-1', 'x-exception-class': 'SchemaError', 'x-correlation-id': 'corr-poison' });
    const good1 = await stream.publish('{"payout":"po_1","amount":1200}', { 'Content-Type': 'application/json' });
    const flaky = await stream.publish('{"payout":"po_2","amount":9007199254740993}', { 'Content-Type': 'application/json', 'x-trace': 'a' });
    const good2 = await stream.publish('{"payout":"po_3","amount":5}', { 'Content-Type': 'application/json' });
    const worker = stream.work((body) => (body.equals(latin1) ? 'term' : body.includes('po_2') ? 'nak' : 'ack'));

    await expect.poll(async () => (await rows(stream.name)).map((r) => r.message_id), { timeout: 15_000 }).toEqual([String(poison), String(flaky)]);
    await worker.stop();
    expect(worker.handled.get(good1)).toBe(1);
    expect(worker.handled.get(good2)).toBe(1);
    expect(worker.handled.get(flaky)).toBe(3);

    const [terminated, exhausted] = await rows(stream.name);
    expect(terminated).toMatchObject({
      source_kind: 'nats',
      source_routing_key: stream.subject,
      error_class: 'SchemaError',
      attempts: 1,
      deliveries: 1,
      content_type: 'text/csv; charset=iso-8859-1',
    });
    expect(terminated?.body.equals(latin1)).toBe(true);
    expect(terminated?.headers).toMatchObject({
      'Nats-Stream': stream.name,
      'Nats-Consumer': stream.consumer,
      'Nats-Sequence': String(poison),
      'Nats-Subject': stream.subject,
      'Nats-Num-Delivered': '1',
      'x-correlation-id': 'corr-poison',
    });
    expect(exhausted).toMatchObject({ error_class: 'JetStreamMaxDeliveries', attempts: 3, content_type: 'application/json' });
    expect(exhausted?.error_message).toBe(`consumer "${stream.consumer}" gave up after 3 deliveries (its max_deliver) on subject ${stream.subject}`);
    // The bytes as stored: a number beyond 2^53 keeps its digits.
    expect(exhausted?.body.toString('utf8')).toBe('{"payout":"po_2","amount":9007199254740993}');
    expect(exhausted?.headers['x-trace']).toBe('a');
  });

  it('stores one dead letter per stream sequence when an advisory comes twice', async () => {
    const stream = await createTestStream(url, { maxDeliver: 2 });
    streams.push(stream);
    await t.api.app.get(NatsCollector).start([{ automation: 'payout-reconciliation', url, stream: stream.name, consumer: stream.consumer }]);
    const seq = await stream.publish('{"payout":"po_9"}', { 'Content-Type': 'application/json' });
    const worker = stream.work(() => 'term');
    await expect.poll(async () => (await rows(stream.name)).length).toBe(1);
    await worker.stop();

    // The same advisory again, as a server that resent it would.
    const advisory = {
      type: 'io.nats.jetstream.advisory.v1.terminated',
      id: 'again',
      timestamp: new Date().toISOString(),
      stream: stream.name,
      consumer: stream.consumer,
      consumer_seq: 1,
      stream_seq: seq,
      deliveries: 1,
    };
    stream.connection.publish(`$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.${stream.name}.${stream.consumer}`, JSON.stringify(advisory));
    await expect.poll(async () => (await rows(stream.name))[0]?.deliveries).toBe(2);
    expect((await rows(stream.name)).map((r) => r.message_id)).toEqual([String(seq)]);
  });

  it('says so in the log, and stores nothing, when the stream no longer holds a terminated message (work-queue retention)', async () => {
    const stream = await createTestStream(url, { retention: 'workqueue', maxDeliver: 2 });
    streams.push(stream);
    await t.api.app.get(NatsCollector).start([{ automation: 'payout-reconciliation', url, stream: stream.name, consumer: stream.consumer }]);
    const seq = await stream.publish('{"payout":"po_gone"}');
    const worker = stream.work(() => 'term');
    await expect
      .poll(() => lines.map((line) => JSON.parse(line) as { msg: string; stream?: string; sequence?: number }).find((l) => l.stream === stream.name && l.sequence === seq)?.msg, {
        timeout: 15_000,
      })
      .toMatch(/no longer holds/);
    await worker.stop();
    expect(await rows(stream.name)).toEqual([]);
  });

  it('reads a binding’s server only through a variable catalogs may name', async () => {
    const stream = await createTestStream(url);
    streams.push(stream);
    const bind = (connection: string) =>
      t.db.query(`UPDATE automation SET runtime = $1 WHERE slug = 'payout-reconciliation'`, [
        JSON.stringify({ kind: 'nats', stream: stream.name, consumer: stream.consumer, connection }),
      ]);
    const collector = t.api.app.get(NatsCollector);
    await bind('NATS_URL');
    expect(await collector.bindingsFromCatalog()).toEqual([]);
    expect(
      lines.map((line) => JSON.parse(line) as { msg: string; automation?: string }).find((l) => l.automation === 'payout-reconciliation' && l.msg.startsWith('not collecting'))
        ?.msg,
    ).toMatch(/NATS_URL, which neither starts with ROUNDHOUSE_RUNTIME_/);

    process.env.ROUNDHOUSE_RUNTIME_TEST_NATS_URL = url;
    try {
      await bind('ROUNDHOUSE_RUNTIME_TEST_NATS_URL');
      expect(await collector.bindingsFromCatalog()).toEqual([{ automation: 'payout-reconciliation', url, stream: stream.name, consumer: stream.consumer }]);
    } finally {
      delete process.env.ROUNDHOUSE_RUNTIME_TEST_NATS_URL;
    }
  });
});
