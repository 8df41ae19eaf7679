import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const PREFIX = 'rh_rt_';
const FORMAT = /^rh_rt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewSecret {
  id: string;
  token: string;
  hash: Buffer;
  prefix: string;
}

function hash(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** A new token: `rh_rt_<id>_<256 random bits>`. The random part is high-entropy, so SHA-256 suffices to store it. */
export function newRuntimeTokenSecret(): NewSecret {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const token = `${PREFIX}${id.replaceAll('-', '')}_${secret}`;
  return { id, token, hash: hash(secret), prefix: token.slice(0, PREFIX.length + 8) };
}

/** The token's id and secret, or undefined when it is not shaped like one of ours. */
export function parseRuntimeToken(token: string): { id: string; secret: string } | undefined {
  const match = FORMAT.exec(token);
  if (match?.[1] === undefined || match[2] === undefined) {
    return undefined;
  }
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

export function secretMatches(secret: string, stored: Buffer): boolean {
  const given = hash(secret);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
