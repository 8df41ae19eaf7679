import { deadLetterV1 } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { deadLetterOf, deadLetterPayload } from './dead-letters.js';
import { PROFILES, deadLetterSourceOf } from './profiles.js';
import { seeded } from './random.js';

const SLUGS = [...Object.keys(PROFILES), 'an-automation-without-a-profile'];
const FAILED_AT = new Date('2026-11-27T03:12:00Z');

describe(deadLetterPayload.name, () => {
  it.each(SLUGS)('makes JSON-serialisable payloads for %s', (slug) => {
    const random = seeded(42);
    for (let index = 0; index < 50; index += 1) {
      const payload = deadLetterPayload(slug, random, `txn-${10_000 + index}`, FAILED_AT);
      expect(JSON.parse(JSON.stringify(payload))).toStrictEqual(payload);
      expect(payload).toBeTypeOf('object');
    }
  });

  it('gives the automations of the field their own shapes', () => {
    const random = seeded(1);
    expect(deadLetterPayload('invoice-generation', random, 'deal-12345', FAILED_AT)).toMatchObject({
      dealId: 'deal-12345',
      amount: { value: expect.any(Number) as number, currency: expect.any(String) as string },
      lines: expect.any(Array) as unknown[],
      billingContact: { name: expect.any(String) as string, email: expect.stringContaining('@') as string },
    });
    expect(deadLetterPayload('payout-reconciliation', random, 'payout-12345', FAILED_AT)).toMatchObject({
      payoutId: 'payout-12345',
      psp: 'adyen',
      iban: expect.any(String) as string,
    });
    expect(deadLetterPayload('order-fulfillment', random, 'order-12345', FAILED_AT)).toMatchObject({ orderId: 'order-12345', customer: { email: expect.any(String) as string } });
    expect(deadLetterPayload('crm-enrichment', random, 'lead-12345', FAILED_AT)).toMatchObject({
      leadId: 'lead-12345',
      email: expect.any(String) as string,
      company: expect.any(String) as string,
    });
  });
});

describe(deadLetterOf.name, () => {
  it.each(SLUGS)('makes a dead letter of %s that the contract accepts, with the message id of the run', (slug) => {
    const context = {
      runId: `${slug}-run-1`,
      correlationId: 'txn-12345',
      attempts: 3,
      firstFailedAt: new Date('2026-11-27T03:10:00Z'),
      lastFailedAt: FAILED_AT,
      error: { name: 'TimeoutError', message: 'the third party did not answer within 30 s' },
    };
    const deadLetter = deadLetterOf(slug, seeded(3), context);

    const event = deadLetterV1.parse({
      id: '0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69',
      type: 'dead_letter',
      automation: slug,
      occurredAt: FAILED_AT.toISOString(),
      ...deadLetter,
      firstFailedAt: context.firstFailedAt.toISOString(),
      errorClass: context.error.name,
      errorMessage: context.error.message,
    });
    expect(event).toMatchObject({ messageId: context.runId, attempts: 3, source: deadLetterSourceOf(slug) });
    if (event.source.kind === 'rabbitmq') {
      expect(event.source.queue).toMatch(/\.dlq$/);
      expect(event.headers['x-death']).toContain('count=3; reason=rejected');
    }
  });
});
