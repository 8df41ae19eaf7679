import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestStream, ownNatsServer, type OwnNatsServer, type TestStream } from '../../../test/jetstream.js';
import { TransportUnavailableError, type DispatchMessage } from '../dispatcher.js';
import { deadLetterFromJetStream } from './nats-dead-letter.js';
import { NatsDispatcher } from './nats-dispatcher.js';

const NATS_URL = process.env.NATS_URL;
if (NATS_URL === undefined) {
  process.stderr.write('NATS JetStream dispatch suite skipped: NATS_URL is not set (.ci/run sets it and starts nats-server).\n');
}

/** The reprocess command of a message the consumer gave up on, as the ledger builds it from the collected dead letter. */
async function commandFor(stream: TestStream, seq: number): Promise<DispatchMessage> {
  const stored = await stream.jsm.streams.getMessage(stream.name, { seq });
  if (stored === null) {
    throw new Error(`sequence ${seq} is not in ${stream.name}`);
  }
  const letter = deadLetterFromJetStream(
    { reason: 'terminated', stream: stream.name, consumer: stream.consumer, streamSeq: seq, deliveries: 1, timestamp: new Date().toISOString() },
    stored,
    'payout-reconciliation',
  );
  return {
    reprocessId: randomUUID(),
    requestId: '1',
    automation: letter.automation,
    deadLetterId: String(seq),
    messageId: letter.messageId,
    issuedAt: new Date().toISOString(),
    source: letter.source,
    body: letter.body ?? { base64: '' },
    payload: null,
    headers: letter.headers,
  };
}

/** Sends `messages` as the reprocess ledger does: what is not confirmed is sent again with its key until all are; answers how many batches met the server away. */
async function dispatchUntilConfirmed(
  dispatcher: NatsDispatcher,
  url: string,
  messages: readonly DispatchMessage[],
  batch: number,
  onConfirmed: (count: number) => void,
): Promise<number> {
  let open = [...messages];
  let outages = 0;
  let confirmed = 0;
  while (open.length > 0) {
    const sending = open.slice(0, batch);
    try {
      const outcomes = await dispatcher.dispatch({ kind: 'nats', url }, sending);
      const done = new Set(outcomes.filter((o) => o.result === 'confirmed').map((o) => o.reprocessId));
      confirmed += done.size;
      onConfirmed(confirmed);
      open = open.filter((m) => !done.has(m.reprocessId));
    } catch (error) {
      if (!(error instanceof TransportUnavailableError)) {
        throw error;
      }
      outages += 1;
      await setTimeout(200);
    }
  }
  return outages;
}

describe.skipIf(NATS_URL === undefined)(NatsDispatcher.name, () => {
  const url = NATS_URL ?? '';
  const streams: TestStream[] = [];
  const servers: OwnNatsServer[] = [];
  const dispatcher = new NatsDispatcher();

  afterAll(async () => {
    await dispatcher.close();
    await Promise.all(streams.map((s) => s.delete()));
    await Promise.all(servers.map((s) => s.dispose()));
  });

  it('sends each message back once, to the subject it was published to, as it was stored, with the reprocess id as header and as Nats-Msg-Id', async () => {
    const stream = await createTestStream(url);
    streams.push(stream);
    const csv = Buffer.from('payout;42;Zürich;€ 1 200,00\n', 'latin1');
    const seqs = [
      await stream.publish(csv, { 'Content-Type': 'text/csv; charset=iso-8859-1', 'Nats-Msg-Id': 'runtime-own-id' }),
      await stream.publish('{"payout":"po_2","amount":9007199254740993}', { 'x-trace': 'b' }),
    ];
    const worker = stream.work(() => 'term');
    await expect.poll(() => worker.handled.size).toBe(2);
    await worker.stop();
    const commands = await Promise.all(seqs.map((seq) => commandFor(stream, seq)));

    expect(await dispatcher.dispatch({ kind: 'nats', url, stream: stream.name }, commands)).toEqual(commands.map((c) => ({ reprocessId: c.reprocessId, result: 'confirmed' })));
    // The ledger lost the confirmation (a crash before it was recorded) and sends again with the same keys: the stream drops the repeats.
    expect(await dispatcher.dispatch({ kind: 'nats', url, stream: stream.name }, commands)).toEqual(commands.map((c) => ({ reprocessId: c.reprocessId, result: 'confirmed' })));

    const resent = (await stream.messages()).filter((m) => !seqs.includes(m.seq));
    expect(resent.map((m) => [m.subject, m.headers['Nats-Msg-Id'], m.headers[REPROCESS_ID_HEADER]])).toEqual(commands.map((c) => [stream.subject, c.reprocessId, c.reprocessId]));
    expect(resent[0]?.body.equals(csv)).toBe(true);
    expect(resent[0]?.headers['Content-Type']).toBe('text/csv; charset=iso-8859-1');
    expect(resent[1]?.body.toString('utf8')).toBe('{"payout":"po_2","amount":9007199254740993}');
    expect(resent[1]?.headers['x-trace']).toBe('b');
    // What the collector added is not sent back.
    expect(
      Object.keys(resent[1]?.headers ?? {})
        .filter((name) => name.startsWith('Nats-'))
        .sort(),
    ).toEqual(['Nats-Expected-Stream', 'Nats-Msg-Id']);

    // The runtime's consumer gets each reprocessed message once.
    const again = stream.work(() => 'ack');
    await expect.poll(() => resent.every((m) => again.handled.get(m.seq) === 1)).toBe(true);
    await again.stop();
  });

  it('rejects a message the bound stream would not store, and answers retry for a subject no stream captures', async () => {
    const stream = await createTestStream(url);
    streams.push(stream);
    const seq = await stream.publish('{"payout":"po_3"}');
    const command = await commandFor(stream, seq);
    const [wrongStream] = await dispatcher.dispatch({ kind: 'nats', url, stream: `${stream.name}_elsewhere` }, [command]);
    expect(wrongStream).toMatchObject({ result: 'rejected', error: expect.stringMatching(/expected stream does not match/) as string });
    const [nowhere] = await dispatcher.dispatch({ kind: 'nats', url }, [
      { ...command, reprocessId: randomUUID(), source: { ...command.source, routingKey: `nobody_${stream.name}.x` } },
    ]);
    expect(nowhere).toMatchObject({ result: 'retry', error: expect.stringMatching(/no JetStream stream answered/) as string });
    expect((await stream.messages()).map((m) => m.seq)).toEqual([seq]);
  });

  it('completes when the server is stopped mid-dispatch and started again, with no message stored twice', async () => {
    const server = await ownNatsServer();
    servers.push(server);
    const stream = await createTestStream(server.url);
    streams.push(stream);
    const seq = await stream.publish('{"payout":"po_4","amount":12}', { 'Content-Type': 'application/json' });
    const template = await commandFor(stream, seq);
    const total = 3_000;
    const commands = Array.from({ length: total }, () => ({ ...template, reprocessId: randomUUID() }));

    let confirmed = 0;
    const sending = dispatchUntilConfirmed(dispatcher, server.url, commands, 250, (count) => (confirmed = count));
    await expect.poll(() => confirmed, { timeout: 30_000 }).toBeGreaterThanOrEqual(500);
    await server.stop();
    await setTimeout(1_000);
    await server.start();
    const outages = await sending;

    expect(outages).toBeGreaterThan(0);
    const stored = (await stream.messages()).filter((m) => m.seq !== seq);
    expect(stored).toHaveLength(total);
    expect(new Set(stored.map((m) => m.headers['Nats-Msg-Id']))).toEqual(new Set(commands.map((c) => c.reprocessId)));
  }, 180_000);
});
