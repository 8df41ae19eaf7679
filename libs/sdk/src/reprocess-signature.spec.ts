import { createHmac } from 'node:crypto';
import { REPROCESS_SIGNATURE_TOLERANCE_SECONDS } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { RoundhouseConfigError } from './client-options.js';
import { reprocessSignature, verifyReprocessSignature } from './reprocess-signature.js';

const SECRET = 'whsec_ticket-triage-7f3a9c';
const NOW = new Date('2026-11-27T08:00:00Z');
const TIMESTAMP = String(NOW.getTime() / 1000);
const BODY = JSON.stringify({ reprocessId: '0193a6f2-6d1c-4c3e-9b8a-3f1d2c4b5a69', automation: 'ticket-triage', payload: { ticketId: '4711', subject: 'Où est ma commande ?' } });

/** The signature as the contract defines it, computed independently of the SDK. */
function signed(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

describe(verifyReprocessSignature.name, () => {
  it('accepts a delivery signed with the secret over the timestamp and the raw body', () => {
    const signature = signed(SECRET, TIMESTAMP, BODY);

    expect(reprocessSignature(SECRET, TIMESTAMP, BODY)).toBe(signature);
    expect(verifyReprocessSignature(SECRET, signature, TIMESTAMP, BODY, NOW)).toBe(true);
    expect(verifyReprocessSignature(SECRET, signature, TIMESTAMP, Buffer.from(BODY, 'utf8'), NOW)).toBe(true); // the raw bytes
    expect(verifyReprocessSignature(SECRET, [signature], [TIMESTAMP], BODY, NOW)).toBe(true); // as Node hands over repeated headers
  });

  it('refuses a tampered body, a tampered timestamp and a wrong secret', () => {
    const signature = signed(SECRET, TIMESTAMP, BODY);

    expect(verifyReprocessSignature(SECRET, signature, TIMESTAMP, BODY.replace('4711', '4712'), NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, TIMESTAMP, `${BODY} `, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, String(Number(TIMESTAMP) + 1), BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature('whsec_another-secret', signature, TIMESTAMP, BODY, NOW)).toBe(false);
  });

  it('refuses a timestamp more than five minutes away, even with a valid signature (a replay)', () => {
    const at = (offsetSeconds: number): boolean => {
      const timestamp = String(Number(TIMESTAMP) + offsetSeconds);
      return verifyReprocessSignature(SECRET, signed(SECRET, timestamp, BODY), timestamp, BODY, NOW);
    };

    expect(at(-REPROCESS_SIGNATURE_TOLERANCE_SECONDS)).toBe(true);
    expect(at(-REPROCESS_SIGNATURE_TOLERANCE_SECONDS - 1)).toBe(false);
    expect(at(-3_600)).toBe(false);
    expect(at(REPROCESS_SIGNATURE_TOLERANCE_SECONDS)).toBe(true);
    expect(at(REPROCESS_SIGNATURE_TOLERANCE_SECONDS + 1)).toBe(false); // a clock far ahead is no better
  });

  it('reads an ISO 8601 timestamp as well', () => {
    const timestamp = '2026-11-27T07:58:30Z';

    expect(verifyReprocessSignature(SECRET, signed(SECRET, timestamp, BODY), timestamp, BODY, NOW)).toBe(true);
    expect(verifyReprocessSignature(SECRET, signed(SECRET, '2026-11-27T07:50:00Z', BODY), '2026-11-27T07:50:00Z', BODY, NOW)).toBe(false);
  });

  it('accepts any v1 signature of a header that carries several (a secret being rotated), and nothing else', () => {
    const good = signed(SECRET, TIMESTAMP, BODY);
    const other = signed('whsec_old-secret', TIMESTAMP, BODY);

    expect(verifyReprocessSignature(SECRET, `${other},${good}`, TIMESTAMP, BODY, NOW)).toBe(true);
    expect(verifyReprocessSignature(SECRET, good.toUpperCase().replace('V1=', 'v1='), TIMESTAMP, BODY, NOW)).toBe(true);
    expect(verifyReprocessSignature(SECRET, good.replace('v1=', 'v0='), TIMESTAMP, BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, good.slice(0, -2), TIMESTAMP, BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, good.slice(3), TIMESTAMP, BODY, NOW)).toBe(false); // the hex without its scheme
  });

  it('refuses missing or unreadable headers', () => {
    const signature = signed(SECRET, TIMESTAMP, BODY);

    expect(verifyReprocessSignature(SECRET, undefined, TIMESTAMP, BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, undefined, BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, '', BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, 'yesterday', BODY, NOW)).toBe(false);
    expect(verifyReprocessSignature(SECRET, signature, [TIMESTAMP, TIMESTAMP], BODY, NOW)).toBe(false);
  });

  it('throws on an empty secret, so a receiver without its secret fails loudly', () => {
    expect(() => verifyReprocessSignature('', signed('', TIMESTAMP, BODY), TIMESTAMP, BODY, NOW)).toThrow(RoundhouseConfigError);
  });
});
