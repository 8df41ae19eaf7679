import type { DeadLetterV1 } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { deadLetterFromAmqp } from '../runtimes/rabbitmq/amqp-dead-letter.js';
import { collectedFailureTimes, timestampProblem, type TimestampWindow } from './timestamp-window.js';

const window: TimestampWindow = { maxSkewSeconds: 300, runRetentionDays: 30, maxAgeDays: 366 };
const now = new Date('2026-12-07T12:00:00Z');

function collected(xDeathSeconds: number[]): DeadLetterV1 {
  const headers = { 'x-death': xDeathSeconds.map((time) => ({ count: 1, reason: 'rejected', queue: 'invoices', time: { '!': 'timestamp', value: time } })) };
  return deadLetterFromAmqp(
    { content: Buffer.from('{"dealId":"d-1"}'), fields: { exchange: '', routingKey: 'invoices.dlq' }, properties: { messageId: 'd-1', headers } },
    'invoice-generation',
    'invoices.dlq',
    now,
  );
}

describe(collectedFailureTimes.name, () => {
  it('keeps the broker’s times of a message that died long ago: it is in its queue now, a current failure', () => {
    const letter = collected([Date.parse('2025-01-02T03:04:05Z') / 1000, Date.parse('2024-06-01T00:00:00Z') / 1000]);
    expect(collectedFailureTimes(letter, now, window)).toMatchObject({ occurredAt: '2025-01-02T03:04:05.000Z', firstFailedAt: '2024-06-01T00:00:00.000Z' });
    // The same letter reported by a runtime would be past ROUNDHOUSE_INGEST_MAX_AGE_DAYS.
    expect(timestampProblem(letter, now, window)).toMatch(/^occurredAt: found "2025-01-02T03:04:05.000Z"/);
  });

  it('stores a time from the future (a wrong clock or a forged x-death) as the time it was collected, keeping the header as it was', () => {
    const letter = collected([Date.parse('9999-12-31T00:00:00Z') / 1000]);
    const safe = collectedFailureTimes(letter, now, window);
    expect(safe).toMatchObject({ occurredAt: now.toISOString(), firstFailedAt: now.toISOString() });
    expect(safe.headers['x-death']).toContain('253402214400');
    // A little ahead of the server clock is a clock's drift, kept as it is.
    const drift = new Date(now.getTime() + 60_000).toISOString();
    expect(collectedFailureTimes({ ...letter, occurredAt: drift, firstFailedAt: drift }, now, window)).toMatchObject({ occurredAt: drift, firstFailedAt: drift });
  });

  it('never stores a first failure later than the last one, nor one before 1970', () => {
    const letter = collected([Date.parse('2026-12-01T00:00:00Z') / 1000]);
    expect(collectedFailureTimes({ ...letter, firstFailedAt: '9999-01-01T00:00:00Z' }, now, window).firstFailedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(collectedFailureTimes({ ...letter, firstFailedAt: '0001-01-01T00:00:00Z' }, now, window).firstFailedAt).toBe('2026-12-01T00:00:00.000Z');
  });
});
