import { deadLetterV1 } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { deadLetterFromAmqp, type AmqpMessage } from './amqp-dead-letter.js';

const now = new Date('2026-11-27T09:00:00Z');

function message(overrides: Partial<AmqpMessage['properties']> = {}, content = Buffer.from('{"dealId":"006Qx00001","amount":1200}')): AmqpMessage {
  return {
    content,
    fields: { exchange: '', routingKey: 'invoices.generate.dlq' },
    properties: {
      messageId: 'deal-006Qx00001',
      correlationId: 'deal-006Qx00001',
      contentType: 'application/json',
      headers: {
        'x-exception-class': 'ValidationError',
        'x-exception-message': 'customer 4711 has no billing address',
        'x-death': [
          { count: 3, reason: 'rejected', queue: 'invoices.generate', time: { value: 1795813200 }, exchange: 'finance', 'routing-keys': ['deal.closed_won'] },
          { count: 1, reason: 'expired', queue: 'invoices.retry', time: { value: 1795813100 }, exchange: 'finance-retry', 'routing-keys': ['deal.closed_won'] },
        ],
      },
      ...overrides,
    },
  };
}

describe(deadLetterFromAmqp.name, () => {
  it('keeps the x-death context and the error the runtime put in the headers', () => {
    const letter = deadLetterFromAmqp(message(), 'invoice-generation', 'invoices.generate.dlq', now);
    expect(deadLetterV1.safeParse(letter).success).toBe(true);
    expect(letter).toMatchObject({
      messageId: 'deal-006Qx00001',
      correlationId: 'deal-006Qx00001',
      source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' },
      body: { base64: Buffer.from('{"dealId":"006Qx00001","amount":1200}').toString('base64'), contentType: 'application/json' },
      errorClass: 'ValidationError',
      errorMessage: 'customer 4711 has no billing address',
      attempts: 4,
      firstFailedAt: new Date(1795813100 * 1000).toISOString(),
      occurredAt: new Date(1795813200 * 1000).toISOString(),
    });
    expect(letter.payload).toBeUndefined();
    expect(JSON.parse(letter.headers['x-death'] ?? '[]')).toHaveLength(2);
  });

  it('says why from the dead-lettering reason when the runtime gave no error, and keeps binary bodies with their content type and encoding', () => {
    const binary = Buffer.from([0xff, 0x00, 0xfe]);
    const letter = deadLetterFromAmqp(
      message(
        { messageId: undefined, contentType: 'application/octet-stream', contentEncoding: 'gzip', headers: { 'x-death': [{ count: 2, reason: 'expired', queue: 'q' }] } },
        binary,
      ),
      'invoice-generation',
      'q.dlq',
      now,
    );
    expect(deadLetterV1.safeParse(letter).success).toBe(true);
    expect(letter).toMatchObject({
      errorClass: 'AmqpExpired',
      errorMessage: 'message expired on q after 2 deliveries',
      body: { base64: binary.toString('base64'), contentType: 'application/octet-stream', contentEncoding: 'gzip' },
      attempts: 2,
    });
    expect(letter.headers['x-roundhouse-payload-encoding']).toBeUndefined();
    expect(letter.messageId).toMatch(/^sha256:/);
    // The same bytes give the same id, so a redelivery is the same dead letter.
    expect(deadLetterFromAmqp(message({ messageId: undefined, contentType: 'application/octet-stream', headers: {} }, binary), 'invoice-generation', 'q.dlq', now).messageId).toBe(
      letter.messageId,
    );
  });
});
