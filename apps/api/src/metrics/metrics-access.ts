import { createHash, timingSafeEqual } from 'node:crypto';
import { NotSignedInError } from '../errors/domain-errors.js';

/** The challenge a 401 from /metrics carries (RFC 6750). */
export const METRICS_CHALLENGE = 'Bearer realm="roundhouse-metrics"';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Why a scrape may not read /metrics (a 401 with a sentence), or undefined: no token is configured,
 * or `authorization` is `Bearer <token>`. The comparison takes the same time whatever the token
 * sent (both are hashed to the same length first), so timing tells nothing about it.
 */
export function metricsBearerProblem(authorization: string | undefined, token: string | undefined): NotSignedInError | undefined {
  if (token === undefined) {
    return undefined;
  }
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined) {
    return new NotSignedInError('/metrics needs Authorization: Bearer <ROUNDHOUSE_METRICS_TOKEN> on this server.');
  }
  return timingSafeEqual(digest(sent), digest(token)) ? undefined : new NotSignedInError('That bearer token is not this server’s metrics token (ROUNDHOUSE_METRICS_TOKEN).');
}
