import { createHmac, timingSafeEqual } from 'node:crypto';
import { REPROCESS_SIGNATURE_TOLERANCE_SECONDS } from '@roundhouse/contracts';
import { RoundhouseConfigError } from './client-options.js';

/** A header as Node hands it over: one value, several, or none. */
export type HeaderValue = string | readonly string[] | null | undefined;

const SCHEME = 'v1=';
const HEX_SHA256 = /^[\da-f]{64}$/;

/**
 * The signature header value (`v1=<hex>`) for a reprocess webhook: hex(HMAC-SHA256(secret,
 * `${timestamp}.${rawBody}`)). What Roundhouse sends in `x-roundhouse-signature`; for a runtime's own
 * tests of its webhook endpoint.
 */
export function reprocessSignature(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  return `${SCHEME}${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * Whether a reprocess webhook delivery really comes from Roundhouse, for runtimes that receive
 * reprocess commands as webhooks. Recomputes hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`))
 * over the raw body exactly as received (before any JSON parsing), compares it in constant time
 * with each `v1=` value of the signature header (several, comma-separated, while a secret is
 * rotated), and refuses a timestamp further than REPROCESS_SIGNATURE_TOLERANCE_SECONDS (five
 * minutes) from `now` in either direction: a replayed or forged delivery.
 *
 * `signatureHeader` is `x-roundhouse-signature`, `timestampHeader` is `x-roundhouse-timestamp`
 * (Unix time in seconds; an ISO 8601 time with offset is read too). Missing or malformed headers
 * answer false. Throws a RoundhouseConfigError when `secret` is empty (an unset environment
 * variable), so a misconfigured receiver fails loudly instead of refusing every delivery quietly.
 *
 *   if (!verifyReprocessSignature(process.env.WEBHOOK_SECRET!, req.headers['x-roundhouse-signature'],
 *       req.headers['x-roundhouse-timestamp'], rawBody)) return res.status(401).end();
 */
export function verifyReprocessSignature(
  secret: string,
  signatureHeader: HeaderValue,
  timestampHeader: HeaderValue,
  rawBody: string | Uint8Array,
  now: Date = new Date(),
): boolean {
  if (typeof secret !== 'string' || secret === '') {
    throw new RoundhouseConfigError('secret', 'must be the signing secret reprocess webhooks are signed with; it is missing or empty.', 'verifyReprocessSignature()');
  }
  const timestamp = singleValue(timestampHeader);
  const sentAt = timestamp === undefined ? undefined : timestampMs(timestamp);
  if (timestamp === undefined || sentAt === undefined || Math.abs(now.getTime() - sentAt) > REPROCESS_SIGNATURE_TOLERANCE_SECONDS * 1000) {
    return false;
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'utf8');
  let matches = false;
  for (const candidate of signaturesOf(signatureHeader)) {
    const given = Buffer.from(candidate, 'utf8');
    // Every candidate is compared, so the time taken does not tell which one matched.
    matches = (given.length === expected.length && timingSafeEqual(given, expected)) || matches;
  }
  return matches;
}

function hmacHex(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8');
  if (typeof rawBody === 'string') {
    hmac.update(rawBody, 'utf8');
  } else {
    hmac.update(rawBody);
  }
  return hmac.digest('hex');
}

function singleValue(header: HeaderValue): string | undefined {
  const value = typeof header === 'string' ? header : header?.length === 1 ? header[0] : undefined;
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Unix seconds, or an ISO 8601 time with a date, a time and an offset; anything else is unreadable. */
function timestampMs(value: string): number | undefined {
  if (/^\d{1,12}$/.test(value)) {
    return Number(value) * 1000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The hex digests of the header's `v1=` entries (lower-cased); entries of other schemes are ignored. */
function signaturesOf(header: HeaderValue): string[] {
  const values = typeof header === 'string' ? [header] : [...(header ?? [])];
  return values
    .flatMap((value) => value.split(/[,\s]+/))
    .filter((entry) => entry.startsWith(SCHEME))
    .map((entry) => entry.slice(SCHEME.length).toLowerCase())
    .filter((hex) => HEX_SHA256.test(hex));
}
