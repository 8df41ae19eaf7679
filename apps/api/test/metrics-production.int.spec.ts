import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/logger.js';
import { useTestApi } from './harness.js';

/**
 * A production instance started without ROUNDHOUSE_METRICS_TOKEN: /metrics is closed, and start-up
 * says how to open it. (With the token: outbound-production.int.spec.ts.)
 */
describe('/metrics on a production instance without a metrics token', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  const t = useTestApi({ NODE_ENV: 'production', ROUNDHOUSE_DEV_SIGN_IN: 'false', ROUNDHOUSE_SESSION_SECRET: 'metrics-production-test-secret-0123456789abcdef' }, () =>
    createLogger('info', sink),
  );

  it('says once at start-up that /metrics is off and how to turn it on', () => {
    const said = lines.map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '').filter((msg) => msg.includes('/metrics'));
    expect(said).toEqual([
      '/metrics is off: NODE_ENV is production and ROUNDHOUSE_METRICS_TOKEN is unset; set it (32+ characters) and scrape with Authorization: Bearer <it> to serve it',
    ]);
  });

  it('answers 404 with no metrics, with or without a bearer token', async () => {
    const asks: Record<string, string>[] = [{}, { authorization: 'Bearer metrics-production-test-secret-0123456789abcdef' }];
    for (const headers of asks) {
      const response = await fetch(`${t.api.url}/metrics`, { headers });
      expect(response.status).toBe(404);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.text()).not.toMatch(/roundhouse_|# HELP/);
    }
  });
});
