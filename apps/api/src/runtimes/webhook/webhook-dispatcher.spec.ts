import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REPROCESS_ID_HEADER, REPROCESS_SIGNATURE_HEADER, REPROCESS_TIMESTAMP_HEADER } from '@roundhouse/contracts';
import { reprocessSignature, verifyReprocessSignature } from '@roundhouse/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/free-port.js';
import { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { DispatchMessage, WebhookTarget } from '../dispatcher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

const SECRET = 'whsec_test_4f1c9a';
const NOT_FOUND = `no automation handles this message; ${'x'.repeat(500)}`;

/** A reprocess command; the receiver below answers with the status its messageId names ("status-503"). */
function commandFor(messageId: string): DispatchMessage {
  return {
    reprocessId: randomUUID(),
    requestId: 'rq-1',
    automation: 'lead-routing',
    deadLetterId: `dl-${messageId}`,
    messageId,
    issuedAt: new Date().toISOString(),
    source: { kind: 'webhook', queue: 'lead-routing' },
    payload: { leadId: 'L-77', owner: 'Grüße ✓' },
    body: { base64: Buffer.from(JSON.stringify({ leadId: 'L-77', owner: 'Grüße ✓' })).toString('base64'), contentType: 'application/json' },
    headers: { 'x-source': 'hubspot' },
  };
}

/** Requests the receiver is answering right now, and the most it answered at once. */
const load = { now: 0, most: 0 };

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/** A runtime's webhook receiver: verifies each delivery over the raw body and answers as the message asks. */
function receiver(deliveries: Delivery[]): Server {
  return createServer((request, response) => {
    load.now += 1;
    load.most = Math.max(load.most, load.now);
    response.on('close', () => {
      load.now -= 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verified = verifyReprocessSignature(SECRET, request.headers[REPROCESS_SIGNATURE_HEADER], request.headers[REPROCESS_TIMESTAMP_HEADER], body);
      deliveries.push({ headers: request.headers, body, verified });
      const { messageId } = JSON.parse(body) as DispatchMessage;
      const status = verified ? Number(/^status-(\d{3})$/.exec(messageId)?.[1] ?? 200) : 401;
      if (status === 503) {
        response.setHeader('retry-after', '7');
      }
      setTimeout(
        () => {
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end(status === 404 ? NOT_FOUND : 'ok');
        },
        messageId.startsWith('slow') ? 30 : 0,
      );
    });
  });
}

describe(WebhookDispatcher.name, () => {
  // The receiver listens on loopback, which webhooks may reach only when ROUNDHOUSE_OUTBOUND_ALLOW names it.
  const dispatcher = new WebhookDispatcher(OutboundGuard.fromSetting('127.0.0.1'));
  const deliveries: Delivery[] = [];
  const server = receiver(deliveries);
  let target: WebhookTarget;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    target = { kind: 'webhook', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/roundhouse/reprocess`, secret: SECRET };
  });

  beforeEach(() => {
    deliveries.splice(0);
  });

  afterAll(async () => {
    await dispatcher.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts each command signed, and says per message what the webhook answered', async () => {
    const messages = ['status-200', 'status-500', 'status-503', 'status-404', 'status-429', 'status-408', 'status-202'].map(commandFor);

    const outcomes = await dispatcher.dispatch(target, messages);

    expect(outcomes).toEqual([
      { reprocessId: messages[0]?.reprocessId, result: 'confirmed' },
      { reprocessId: messages[1]?.reprocessId, result: 'retry', error: 'webhook answered 500 Internal Server Error: ok' },
      { reprocessId: messages[2]?.reprocessId, result: 'retry', error: 'webhook answered 503 Service Unavailable: ok', retryAfterMs: 7000 },
      { reprocessId: messages[3]?.reprocessId, result: 'rejected', error: `webhook answered 404 Not Found: ${NOT_FOUND.slice(0, 200)}` },
      { reprocessId: messages[4]?.reprocessId, result: 'retry', error: 'webhook answered 429 Too Many Requests: ok' },
      { reprocessId: messages[5]?.reprocessId, result: 'retry', error: 'webhook answered 408 Request Timeout: ok' },
      { reprocessId: messages[6]?.reprocessId, result: 'confirmed' },
    ]);
    expect(deliveries).toHaveLength(messages.length);
    expect(deliveries.every((d) => d.verified)).toBe(true);
    const delivery = deliveries.find((d) => d.headers[REPROCESS_ID_HEADER] === messages[0]?.reprocessId);
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivery?.body ?? '')).toEqual(messages[0]);
    expect(Math.abs(Number(delivery?.headers[REPROCESS_TIMESTAMP_HEADER]) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('signs so that a tampered body, a stale timestamp or another secret fail verification', async () => {
    await dispatcher.dispatch(target, [commandFor('status-200')]);
    const [delivery] = deliveries;
    const signature = delivery?.headers[REPROCESS_SIGNATURE_HEADER] as string;
    const timestamp = delivery?.headers[REPROCESS_TIMESTAMP_HEADER] as string;
    const body = delivery?.body ?? '';
    const sentAt = new Date(Number(timestamp) * 1000);

    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signature).toBe(reprocessSignature(SECRET, timestamp, body));
    expect(verifyReprocessSignature(SECRET, signature, timestamp, body, sentAt)).toBe(true);
    expect(verifyReprocessSignature(SECRET, signature, timestamp, body.replace('L-77', 'L-78'), sentAt)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, String(Number(timestamp) + 1), body, sentAt)).toBe(false);
    expect(verifyReprocessSignature('whsec_other', signature, timestamp, body, sentAt)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, timestamp, body, new Date(sentAt.getTime() + 301_000))).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, timestamp, body, new Date(sentAt.getTime() + 299_000))).toBe(true);
    expect(verifyReprocessSignature(SECRET, `v1=${'0'.repeat(64)}, ${signature}`, timestamp, body, sentAt)).toBe(true);
    expect(verifyReprocessSignature(SECRET, undefined, timestamp, body, sentAt)).toBe(false);
  });

  it('keeps at most eight requests in flight', async () => {
    load.most = 0;
    const messages = Array.from({ length: 40 }, (_, i) => commandFor(`slow-${i}`));

    const outcomes = await dispatcher.dispatch(target, messages);

    expect(outcomes.map((o) => o.reprocessId)).toEqual(messages.map((m) => m.reprocessId));
    expect(outcomes.every((o) => o.result === 'confirmed')).toBe(true);
    expect(load.most).toBe(8);
  });

  it('answers retry, not an error, when the webhook cannot be reached', async () => {
    const closed: WebhookTarget = { ...target, url: `http://127.0.0.1:${await freePort()}/roundhouse/reprocess` };
    const message = commandFor('status-200');

    const outcomes = await dispatcher.dispatch(closed, [message]);

    expect(outcomes).toEqual([{ reprocessId: message.reprocessId, result: 'retry', error: expect.stringContaining('ECONNREFUSED') as unknown }]);
  });
});
