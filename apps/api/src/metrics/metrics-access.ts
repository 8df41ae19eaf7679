import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app.config.js';
import { NotFoundError, NotSignedInError } from '../errors/domain-errors.js';

/** The challenge a 401 from /metrics carries (RFC 6750). */
export const METRICS_CHALLENGE = 'Bearer realm="roundhouse-metrics"';

/** The start-up line of a production server that does not serve /metrics. */
export const METRICS_CLOSED_NOTE =
  '/metrics is off: NODE_ENV is production and ROUNDHOUSE_METRICS_TOKEN is unset; set it (32+ characters) and scrape with Authorization: Bearer <it> to serve it';

type MetricsSettings = Pick<AppConfig, 'NODE_ENV' | 'ROUNDHOUSE_METRICS_TOKEN'>;

/** Production serves /metrics only behind a token: closed by default, like every route. */
export function metricsClosed(config: MetricsSettings): boolean {
  return config.NODE_ENV === 'production' && config.ROUNDHOUSE_METRICS_TOKEN === undefined;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Why a scrape may not read /metrics, or undefined. In production without a token: a 404, as if
 * there were no such route. With a token: a 401 with a sentence unless `authorization` is
 * `Bearer <token>`. Outside production without a token: open, for local use. The comparison takes
 * the same time whatever the token sent (both are hashed to the same length first), so timing
 * tells nothing about it.
 */
export function metricsAccessProblem(authorization: string | undefined, config: MetricsSettings): NotFoundError | NotSignedInError | undefined {
  if (metricsClosed(config)) {
    return new NotFoundError('Not found.');
  }
  const token = config.ROUNDHOUSE_METRICS_TOKEN;
  if (token === undefined) {
    return undefined;
  }
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined) {
    return new NotSignedInError('/metrics needs Authorization: Bearer <ROUNDHOUSE_METRICS_TOKEN> on this server.');
  }
  return timingSafeEqual(digest(sent), digest(token)) ? undefined : new NotSignedInError('That bearer token is not this server’s metrics token (ROUNDHOUSE_METRICS_TOKEN).');
}
