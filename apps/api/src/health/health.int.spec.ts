import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from '../../test/harness.js';
import { createLogger } from '../logging/logger.js';
import { HealthController } from './health.controller.js';

describe(HealthController.name, () => {
  let db: TestDatabase;
  let api: TestApi;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
        done();
      },
    });
    api = await startTestApi(db.url, {}, createLogger('info', sink));
  });

  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('answers /healthz and /readyz without a session', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('logs JSON with the request id on every line of a request, and never the session cookie', async () => {
    const cookie = await api.signIn('vera');
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-42', cookie },
      body: JSON.stringify({ query: '{ automation(slug: "missing") { slug } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-test-42');
    // The access line is written when the response finishes, which may be a tick after we read it.
    await vi.waitFor(() => expect(lines.filter((line) => line.requestId === 'req-test-42').length).toBeGreaterThan(0));
    expect(JSON.stringify(lines)).not.toContain(cookie.split('=')[1]);
  });
});
