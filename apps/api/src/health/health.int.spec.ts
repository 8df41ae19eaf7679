import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { createLogger } from '../logging/logger.js';
import { HealthController } from './health.controller.js';

describe(HealthController.name, () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });
  const t = useTestApi({}, () => createLogger('info', sink));

  it('answers /healthz and /readyz without a session', async () => {
    expect(await (await fetch(`${t.api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('logs JSON with the request id on every line of a request, and never the session cookie', async () => {
    const cookie = await t.api.signIn('vera');
    const response = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-42', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
      body: JSON.stringify({ query: '{ automation(slug: "missing") { slug } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-test-42');
    // The access line is written when the response finishes, which may be a tick after we read it.
    await vi.waitFor(() => expect(lines.filter((line) => line.requestId === 'req-test-42').length).toBeGreaterThan(0));
    expect(JSON.stringify(lines)).not.toContain(cookie.split('=')[1]);
  });
});
