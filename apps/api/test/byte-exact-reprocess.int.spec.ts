import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ClaimCommandsResponseV1 } from '@roundhouse/contracts';
import type { Channel, GetMessage } from 'amqplib';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { applyCatalogOnTestBrokers, invoiceTopology, type InvoiceTopology } from './broker-catalog.js';
import { useTestApi } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';

/*
 * "Messages go back as they came": bodies an outside application published (64-bit integers,
 * decimals with trailing zeros, key order and spacing, bytes that are not UTF-8, other content
 * types, a gzip content encoding) are collected from a real dead-letter queue, a real BullMQ failed
 * set and the ingest API, shown in the console with their numbers as written, and reprocessed
 * (with the second person's approval the rules ask for) as exactly those bytes and properties.
 */

const RABBITMQ_URL = process.env.RABBITMQ_URL;
const REDIS_URL = process.env.REDIS_URL;
if (RABBITMQ_URL === undefined || REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('Byte-exact reprocess suite skipped: RABBITMQ_URL and REDIS_URL must be set (.ci/run sets them and starts the brokers).\n');
}

const suffix = randomBytes(4).toString('hex');
const RABBIT_VARIABLE = `ROUNDHOUSE_RUNTIME_BYTES_${suffix.toUpperCase()}_RABBITMQ_URL`;
const REDIS_VARIABLE = `ROUNDHOUSE_RUNTIME_BYTES_${suffix.toUpperCase()}_REDIS_URL`;

const REQUEST = `id state total progress { queued dispatched acknowledged succeeded failed }`;
const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST} } }`;
const APPROVE = `mutation Approve($id: ID!) { approveReprocess(id: $id) { ${REQUEST} } }`;
const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST} } }`;
const VIEW = `query One($id: ID!) { deadLetter(id: $id) { payload payloadFormat payloadMasked contentType contentEncoding bodyBytes } }`;

interface Request {
  id: string;
  state: string;
  total: number;
  progress: Record<'queued' | 'dispatched' | 'acknowledged' | 'succeeded' | 'failed', number>;
}
interface View {
  payload: string;
  payloadFormat: string;
  payloadMasked: boolean;
  contentType: string | null;
  contentEncoding: string | null;
  bodyBytes: number;
}

/** What the outside application publishes: body bytes and the AMQP properties it sets. */
interface Published {
  messageId: string;
  content: Buffer;
  contentType?: string;
  contentEncoding?: string;
  headers: Record<string, string>;
}

const ledger = '{"ledgerId":9007199254740993,"amount":10.50,"currency":"EUR","billingContact":{"email":"ap@northwind.example","phone":"+49 30 1234567"}}';
const bodies: Published[] = [
  { messageId: `big-${suffix}`, content: Buffer.from(ledger), contentType: 'application/json' },
  // Key order, spacing and a line end are the message's own; so are -2^63, 2^64 - 1 and 1e400.
  {
    messageId: `order-${suffix}`,
    content: Buffer.from('{ "zeta" : 1,\n  "alpha": {"b": 2, "a": 1},\n  "limits": [-9223372036854775808, 18446744073709551615, 1e400, 0.1000] }\n'),
    contentType: 'application/json; charset=utf-8',
  },
  // Latin-1 text, not UTF-8: "Müller;10,50".
  { messageId: `latin1-${suffix}`, content: Buffer.from('Müller;10,50\n', 'latin1'), contentType: 'text/csv; charset=iso-8859-1' },
  { messageId: `binary-${suffix}`, content: Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28]), randomBytes(64)]), contentType: 'application/octet-stream' },
  { messageId: `gzip-${suffix}`, content: gzipSync(Buffer.from('{"ledgerId":9007199254740993,"amount":0.10}')), contentType: 'application/json', contentEncoding: 'gzip' },
  { messageId: `xml-${suffix}`, content: Buffer.from('<invoice id="9007199254740993"><amount>10.50</amount></invoice>'), contentType: 'application/xml' },
  // No content type at all: read as JSON because it looks like JSON, sent back without one.
  { messageId: `untyped-${suffix}`, content: Buffer.from('{"ledgerId":9007199254740993}') },
].map((b) => ({ ...b, headers: { 'x-tenant': 'northwind', 'x-exception-class': 'LedgerPostingError', 'x-exception-message': 'ledger 7 is closed for posting' } }));

describe.skipIf(RABBITMQ_URL === undefined || REDIS_URL === undefined)('messages go back as they came', () => {
  // Invoice generation and dunning reminders touch revenue and billing: every reprocess waits for a second person.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_COLLECTORS: 'true', ROUNDHOUSE_COLLECTORS_SYNC_MS: '250' });
  const exchange = `rh-bytes-${suffix}`;
  const work = `rh-bytes-invoices-${suffix}`;
  const dlq = `${work}.dlq`;
  const jobs = `rh-bytes-dunning-${suffix}`;
  let removeCatalog: () => Promise<void>;
  let topology: InvoiceTopology;
  let channel: Channel;
  let otto: string;
  let oscar: string;
  let vera: string;

  async function idOf(messageId: string): Promise<string> {
    const [row] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [messageId]);
    return row?.id ?? '';
  }

  async function view(id: string, cookie: string): Promise<View> {
    const result = await t.api.graphql<{ deadLetter: View }>(VIEW, { id }, cookie);
    expect(result.errors).toBeUndefined();
    return result.data?.deadLetter as View;
  }

  /** Otto asks, Oscar (the second on call for finance-ops) approves, as the rules require. */
  async function reprocess(ids: string[]): Promise<string> {
    const started = await t.api.graphql<{ startReprocess: Request }>(
      START,
      { input: { action: 'reprocess', velocity: 1000, reason: 'ledger 7 reopened for posting', selection: { ids } } },
      otto,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startReprocess.state).toBe('awaiting_approval');
    const id = started.data?.startReprocess.id ?? '';
    const approved = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id }, oscar);
    expect(approved.errors).toBeUndefined();
    return id;
  }

  async function request(id: string): Promise<Request> {
    return (await t.api.graphql<{ reprocessRequest: Request }>(GET, { id }, otto)).data?.reprocessRequest as Request;
  }

  beforeAll(async () => {
    process.env[RABBIT_VARIABLE] = RABBITMQ_URL;
    process.env[REDIS_VARIABLE] = REDIS_URL;
    removeCatalog = await applyCatalogOnTestBrokers(t.api, 'rh-bytes-', { exchange, work, dlq, jobs, rabbitVariable: RABBIT_VARIABLE, redisVariable: REDIS_VARIABLE });
    [otto, oscar, vera] = await Promise.all([t.api.signIn('otto'), t.api.signIn('oscar'), t.api.signIn('vera')]);

    topology = await invoiceTopology(RABBITMQ_URL ?? '', { exchange, work, dlq });
    channel = topology.channel;
  });

  afterAll(async () => {
    await topology.remove();
    await removeCatalog();
    delete process.env[RABBIT_VARIABLE];
    delete process.env[REDIS_VARIABLE];
  });

  it('RabbitMQ: republishes every body byte for byte, with its content type, content encoding, ids and headers', async () => {
    for (const body of bodies) {
      channel.publish(exchange, 'invoice.created', body.content, {
        messageId: body.messageId,
        correlationId: `deal-${body.messageId}`,
        headers: body.headers,
        ...(body.contentType === undefined ? {} : { contentType: body.contentType }),
        ...(body.contentEncoding === undefined ? {} : { contentEncoding: body.contentEncoding }),
      });
    }
    // The application gives up on every one of them: rejected without requeue, so they are dead-lettered into the DLQ.
    for (let rejected = 0; rejected < bodies.length;) {
      const message = await channel.get(work, { noAck: false });
      if (message === false) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        channel.nack(message, false, false);
        rejected += 1;
      }
    }
    await eventually(
      () => t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1`, [dlq]),
      (rows) => rows.length === bodies.length,
      'every message collected',
    );
    const stored = await t.db.query<{ message_id: string; body: Buffer; content_type: string | null; content_encoding: string | null }>(
      `SELECT message_id, body, content_type, content_encoding FROM dead_letter WHERE source_queue = $1`,
      [dlq],
    );
    for (const body of bodies) {
      const row = stored.find((r) => r.message_id === body.messageId);
      expect(row?.body.equals(body.content), body.messageId).toBe(true);
      expect([row?.content_type, row?.content_encoding], body.messageId).toEqual([body.contentType ?? null, body.contentEncoding ?? null]);
    }

    // The console's view: numbers as written, key order kept, text decoded by its charset, bytes as base64.
    const big = await view(await idOf(`big-${suffix}`), otto);
    expect(big).toMatchObject({ payloadFormat: 'json', payloadMasked: false, contentType: 'application/json', bodyBytes: Buffer.byteLength(ledger) });
    expect(big.payload).toContain('"ledgerId": 9007199254740993');
    expect(big.payload).toContain('"amount": 10.50');
    expect(big.payload).toContain('"email": "ap@northwind.example"');
    const order = await view(await idOf(`order-${suffix}`), otto);
    expect(order.payload).toBe(
      '{\n  "zeta": 1,\n  "alpha": {\n    "b": 2,\n    "a": 1\n  },\n  "limits": [\n    -9223372036854775808,\n    18446744073709551615,\n    1e400,\n    0.1000\n  ]\n}',
    );
    expect(await view(await idOf(`latin1-${suffix}`), otto)).toMatchObject({ payloadFormat: 'text', payload: 'Müller;10,50\n', contentType: 'text/csv; charset=iso-8859-1' });
    const binary = bodies[3] as Published;
    expect(await view(await idOf(binary.messageId), otto)).toMatchObject({ payloadFormat: 'base64', payload: binary.content.toString('base64'), bodyBytes: binary.content.length });
    const gzip = await view(await idOf(`gzip-${suffix}`), otto);
    expect(gzip).toMatchObject({ payloadFormat: 'json', contentEncoding: 'gzip' });
    expect(gzip.payload).toBe('{\n  "ledgerId": 9007199254740993,\n  "amount": 0.10\n}');
    expect(await view(await idOf(`xml-${suffix}`), otto)).toMatchObject({ payloadFormat: 'text', payload: '<invoice id="9007199254740993"><amount>10.50</amount></invoice>' });
    expect((await view(await idOf(`untyped-${suffix}`), otto)).payload).toBe('{\n  "ledgerId": 9007199254740993\n}');
    // Masking is the view's: a viewer reads the billing contact masked; the bytes (and what goes back) are unchanged.
    const masked = await view(await idOf(`big-${suffix}`), vera);
    expect(masked.payloadMasked).toBe(true);
    expect(masked.payload).toContain('"email": "••••"');
    expect(masked.payload).toContain('"ledgerId": 9007199254740993');

    const requestId = await reprocess(await Promise.all(bodies.map((b) => idOf(b.messageId))));
    await eventually(
      () => request(requestId),
      (r) => r.progress.acknowledged + r.progress.succeeded === bodies.length,
      'every message republished and confirmed',
    );

    const received: GetMessage[] = [];
    await eventually(
      async () => {
        const message = await channel.get(work, { noAck: true });
        if (message !== false) {
          received.push(message);
        }
        return received.length;
      },
      (count) => count === bodies.length,
      'every message back in the work queue',
      30_000,
      20,
    );
    for (const body of bodies) {
      const back = received.find((m) => m.properties.messageId === body.messageId);
      expect(back?.content.equals(body.content), body.messageId).toBe(true);
      expect(back?.fields.exchange).toBe(exchange);
      expect(back?.fields.routingKey).toBe('invoice.created');
      expect(back?.properties.contentType, body.messageId).toBe(body.contentType);
      expect(back?.properties.contentEncoding, body.messageId).toBe(body.contentEncoding);
      expect(back?.properties.correlationId).toBe(`deal-${body.messageId}`);
      const { 'x-roundhouse-reprocess-id': reprocessId, ...headers } = (back?.properties.headers ?? {}) as Record<string, unknown>;
      expect(headers, body.messageId).toEqual(body.headers);
      expect(reprocessId).toMatch(/^[\da-f-]{36}$/);
    }
  });

  it('BullMQ: retries the job with its data as the producer wrote it, and keeps those bytes', async () => {
    // A producer in another language wrote this job data (BullMQ keeps it as JSON text in the job's hash).
    const data = '{"invoiceId":"INV-2026-0042","customerId":9007199254740993,"due":"2026-12-01","amount":120.50,"fees":[0.00,1.10]}';
    const url = new URL(REDIS_URL ?? '');
    const connection = () => ({ host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null });
    const queue = new Queue(jobs, { connection: connection() });
    // The queue's own ioredis client, for the raw job hash (BullMQ's typed client declares text answers only).
    const redis = (await queue.client) as unknown as {
      hset(key: string, field: string, value: string): Promise<number>;
      hgetBuffer(key: string, field: string): Promise<Buffer | null>;
    };
    let fixed = false;
    let worker: Worker | undefined;
    try {
      const job = await queue.add('remind', {}, { attempts: 1, jobId: `dun-${suffix}` });
      await redis.hset(queue.toKey(job.id ?? ''), 'data', data);
      const seen: string[] = [];
      worker = new Worker(
        jobs,
        (active) => {
          seen.push(JSON.stringify(active.data));
          return fixed ? Promise.resolve('sent') : Promise.reject(new Error('SMTP relay refused the reminder'));
        },
        { connection: connection() },
      );
      await eventually(
        () => t.db.query<{ body: Buffer }>(`SELECT body FROM dead_letter WHERE source_queue = $1`, [jobs]),
        (rows) => rows.length === 1,
        'the failed job collected',
      );
      const [stored] = await t.db.query<{ id: string; body: Buffer; content_type: string }>(`SELECT id::text AS id, body, content_type FROM dead_letter WHERE source_queue = $1`, [
        jobs,
      ]);
      expect(stored?.body.toString('utf8')).toBe(data);
      expect(stored?.content_type).toBe('application/json');
      const shown = await view(stored?.id ?? '', otto);
      expect(shown.payload).toContain('"customerId": 9007199254740993');
      expect(shown.payload).toContain('"amount": 120.50');
      expect(shown.payload).toContain('0.00');

      fixed = true;
      const requestId = await reprocess([stored?.id ?? '']);
      await eventually(
        () => job.isCompleted(),
        (done) => done,
        'the job retried and completed',
      );
      await eventually(
        () => request(requestId),
        (r) => r.progress.acknowledged + r.progress.succeeded === 1,
        'the retry confirmed',
      );
      // The job ran again with the very bytes it failed with.
      expect((await redis.hgetBuffer(queue.toKey(job.id ?? ''), 'data'))?.toString('utf8')).toBe(data);
      expect(seen).toHaveLength(2);
    } finally {
      await worker?.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('SDK and ingest: a reported body keeps its bytes, and the reprocess command carries them back', async () => {
    const token = (await createToken(t.api, await t.api.signIn('omar'), { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
    const bytes = Buffer.concat([Buffer.from('{"payoutId":"po_4711","amount":1250.50,"ref":9007199254740993,"note":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const messageId = `sdk-${suffix}`;
    const event = deadLetter('payout-reconciliation', {
      messageId,
      source: { kind: 'sdk', queue: 'payouts.reconcile' },
      payload: undefined,
      body: { base64: bytes.toString('base64'), contentType: 'application/json', contentEncoding: 'identity' },
    });
    expect((await ingest(t.api, token, [event])).body.accepted).toBe(1);
    const id = await idOf(messageId);
    // Not UTF-8, so not text: the console shows base64, and the bytes are kept.
    expect(await view(id, otto)).toMatchObject({ payloadFormat: 'base64', payload: bytes.toString('base64'), contentType: 'application/json', contentEncoding: 'identity' });

    const requestId = await reprocess([id]);
    const command = await eventually(
      async () => {
        const response = await fetch(`${t.api.url}/ingest/v1/commands/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ max: 10, automations: ['payout-reconciliation'] }),
        });
        return ((await response.json()) as ClaimCommandsResponseV1).commands.find((c) => c.requestId === requestId);
      },
      (found) => found !== undefined,
      'the command offered',
    );
    expect(command?.body).toEqual({ base64: bytes.toString('base64'), contentType: 'application/json', contentEncoding: 'identity' });
  });
});
