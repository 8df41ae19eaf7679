import { createHmac, timingSafeEqual } from 'node:crypto';
import { REPROCESS_SIGNATURE_TOLERANCE_SECONDS } from '@roundhouse/contracts';

const SCHEME = 'v1=';

function digest(secret: string, timestamp: number | string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * The `x-roundhouse-signature` value of a webhook delivery: `v1=` and the hex HMAC-SHA256 of
 * `${timestamp}.${body}` under the target's secret (timestamp in unix seconds, body as sent).
 */
export function signReprocessBody(secret: string, timestamp: number | string, body: string | Uint8Array): string {
  return `${SCHEME}${digest(secret, timestamp, body).toString('hex')}`;
}

/**
 * What a receiver checks: the signature header holds a `v1=` value (several may be listed,
 * comma-separated, while a secret is rotated) equal, compared in constant time, to the HMAC of the
 * raw body, and the timestamp is no more than five minutes away from `now` (a replayed delivery).
 */
export function verifyReprocessSignature(
  secret: string,
  header: string | undefined,
  timestamp: string | number | undefined,
  body: string | Uint8Array,
  now: Date = new Date(),
): boolean {
  if (header === undefined || timestamp === undefined || !/^\d{1,12}$/.test(String(timestamp))) {
    return false;
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPROCESS_SIGNATURE_TOLERANCE_SECONDS) {
    return false;
  }
  const expected = digest(secret, timestamp, body);
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(SCHEME))
    .map((part) => Buffer.from(part.slice(SCHEME.length), 'hex'))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
