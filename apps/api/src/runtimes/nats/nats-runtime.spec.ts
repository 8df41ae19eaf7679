import { describe, expect, it } from 'vitest';
import { deadLetterFromJetStream, parseGiveUpAdvisory } from './nats-dead-letter.js';
import { natsRetention } from './nats-retention.js';

const HOUR_NS = 3_600_000_000_000;

describe(natsRetention.name, () => {
  it('says how long a limits stream keeps failures, and its duplicate window', () => {
    const retention = natsRetention({ retention: 'limits', max_age: 24 * HOUR_NS, max_msgs: 50_000, max_bytes: -1, duplicate_window: 120_000_000_000, discard: 'old' });
    expect(retention).toMatchObject({ maxAgeMs: 86_400_000, maxCount: 50_000, maxBytes: null, duplicateWindowMs: 120_000 });
    expect(retention.summary).toBe('JetStream limits retention, max_age 1 d, max_msgs 50000; duplicate window 2 min');
    expect(retention.warnings).toEqual([
      'The stream keeps messages 1 d (max_age): a failure not reprocessed by then cannot be read again from the stream (Roundhouse keeps its copy).',
      'The stream keeps its last 50000 messages (max_msgs): older failures are removed as new messages arrive.',
    ]);
  });

  it('warns that a work-queue stream removes terminated messages before they can be collected', () => {
    const retention = natsRetention({ retention: 'workqueue', max_age: 0, max_msgs: -1, max_bytes: -1, duplicate_window: 120_000_000_000, discard: 'old' });
    expect(retention).toMatchObject({ maxAgeMs: null, maxCount: null });
    expect(retention.warnings.join(' ')).toMatch(/terminates is removed at once/);
  });
});

describe(parseGiveUpAdvisory.name, () => {
  it('reads the max_deliver and terminated advisories as the server sends them, and nothing else', () => {
    // As nats-server 2.9 publishes them.
    expect(
      parseGiveUpAdvisory(
        '{"type":"io.nats.jetstream.advisory.v1.max_deliver","id":"cL07Wjbu1imcjUa7LBkfYF","timestamp":"2026-12-07T06:59:28.120770723Z","stream":"PAYOUTS","consumer":"settler","stream_seq":2,"deliveries":2}',
      ),
    ).toEqual({ reason: 'max_deliveries', stream: 'PAYOUTS', consumer: 'settler', streamSeq: 2, deliveries: 2, timestamp: '2026-12-07T06:59:28.120770723Z' });
    expect(
      parseGiveUpAdvisory(
        '{"type":"io.nats.jetstream.advisory.v1.terminated","id":"x","timestamp":"2026-12-07T06:59:42.481245292Z","stream":"PAYOUTS","consumer":"settler","consumer_seq":1,"stream_seq":1,"deliveries":1,"reason":"schema"}',
      ),
    ).toMatchObject({ reason: 'terminated', streamSeq: 1, termReason: 'schema' });
    expect(parseGiveUpAdvisory('{"type":"io.nats.jetstream.advisory.v1.nak","stream":"PAYOUTS","consumer":"settler","stream_seq":2,"deliveries":1}')).toBeUndefined();
    expect(parseGiveUpAdvisory('not json')).toBeUndefined();
  });
});

describe(deadLetterFromJetStream.name, () => {
  it('keeps the stored bytes, content type and headers, and names the terminate reason when the server gives one', () => {
    const letter = deadLetterFromJetStream(
      { reason: 'terminated', stream: 'PAYOUTS', consumer: 'settler', streamSeq: 7, deliveries: 2, timestamp: '2026-12-07T07:00:00.000Z', termReason: 'unknown currency' },
      {
        subject: 'payouts.settle.eu',
        seq: 7,
        data: Uint8Array.from([0xff, 0x00, 0x41]),
        time: new Date('2026-12-07T06:59:00Z'),
        header: [
          ['Content-Type', ['application/octet-stream']],
          ['x-tag', ['a', 'b']],
        ],
      },
      'payout-reconciliation',
    );
    expect(letter).toMatchObject({
      messageId: '7',
      attempts: 2,
      source: { kind: 'nats', queue: 'PAYOUTS', routingKey: 'payouts.settle.eu' },
      body: { base64: '/wBB', contentType: 'application/octet-stream' },
      errorClass: 'JetStreamTerminated',
      errorMessage: 'consumer "settler" terminated the message after 2 deliveries: unknown currency on subject payouts.settle.eu',
    });
    expect(letter.headers).toMatchObject({ 'x-tag': 'a, b', 'Nats-Time-Stamp': '2026-12-07T06:59:00.000Z' });
  });
});
