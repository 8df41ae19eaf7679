import { describe, expect, it } from 'vitest';
import { NotFoundError, NotSignedInError } from '../errors/domain-errors.js';
import { metricsAccessProblem, metricsClosed } from './metrics-access.js';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

describe('who may scrape /metrics', () => {
  it('is closed in production when no token is set, whatever is sent', () => {
    const production = { NODE_ENV: 'production', ROUNDHOUSE_METRICS_TOKEN: undefined } as const;
    expect(metricsClosed(production)).toBe(true);
    for (const authorization of [undefined, `Bearer ${TOKEN}`, 'Bearer ']) {
      expect(metricsAccessProblem(authorization, production)).toBeInstanceOf(NotFoundError);
    }
  });

  it('stays open outside production when no token is set, for local use', () => {
    for (const NODE_ENV of ['development', 'test'] as const) {
      expect(metricsClosed({ NODE_ENV, ROUNDHOUSE_METRICS_TOKEN: undefined })).toBe(false);
      expect(metricsAccessProblem(undefined, { NODE_ENV, ROUNDHOUSE_METRICS_TOKEN: undefined })).toBeUndefined();
    }
  });

  it('needs the token as a bearer, whole, whenever one is set', () => {
    for (const NODE_ENV of ['production', 'development'] as const) {
      const config = { NODE_ENV, ROUNDHOUSE_METRICS_TOKEN: TOKEN };
      expect(metricsClosed(config)).toBe(false);
      expect(metricsAccessProblem(`Bearer ${TOKEN}`, config)).toBeUndefined();
      expect(metricsAccessProblem(`bearer  ${TOKEN} `, config)).toBeUndefined();
      expect(metricsAccessProblem(undefined, config)?.message).toBe('/metrics needs Authorization: Bearer <ROUNDHOUSE_METRICS_TOKEN> on this server.');
      for (const wrong of [`Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
        expect(metricsAccessProblem(wrong, config), wrong.slice(0, 10)).toBeInstanceOf(NotSignedInError);
      }
    }
  });
});
