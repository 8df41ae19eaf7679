import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { createLogger } from '../logging/logger.js';
import { ProbesController } from './probes.controller.js';

/** A built console of one page, as `npm run build` leaves it. */
function consoleDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundhouse-console-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roundhouse</title><div id="root"></div>');
  return dir;
}

describe(`${ProbesController.name}, the console page and the access log over HTTP`, () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
      done();
    },
  });
  // The level `npm start` and production run at: info.
  const t = useTestApi({ ROUNDHOUSE_CONSOLE_DIR: consoleDir() }, () => createLogger('info', sink));

  it('answers /healthz and /readyz without a session', async () => {
    expect(await (await fetch(`${t.api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers HEAD / with 200 and the console page’s headers, no body, as uptime checks ask', async () => {
    const head = await fetch(`${t.api.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await head.text()).toBe('');
    const get = await fetch(`${t.api.url}/`);
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<title>Roundhouse</title>');
  });

  it('logs JSON with the request id, and at info no line for a request that worked (the polling of the console and the demo) but one for a refused request', async () => {
    const cookie = await t.api.signIn('vera');
    const graphql = (requestId: string, query: string) =>
      fetch(`${t.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ query }),
      });
    const csrf = await t.api.csrfToken(cookie);
    const worked = await graphql('req-test-ok', '{ automations(first: 1) { totalCount } }');
    expect(worked.status).toBe(200);
    expect(worked.headers.get('x-request-id')).toBe('req-test-ok');
    // A runtime polling for commands with a credential that does not work: refused, and logged.
    const refused = await fetch(`${t.api.url}/ingest/v1/commands/claim`, {
      method: 'POST',
      headers: { authorization: 'Bearer rh_not-a-token', 'content-type': 'application/json', 'x-request-id': 'req-test-refused' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    // The access line is written when the response finishes, which may be a tick after we read it.
    await vi.waitFor(() => expect(lines.filter((line) => line.requestId === 'req-test-refused' && line.res !== undefined)).toHaveLength(1));
    const access = lines.find((line) => line.requestId === 'req-test-refused' && line.res !== undefined);
    expect(access).toMatchObject({ level: 30, req: { method: 'POST', url: '/ingest/v1/commands/claim' }, res: { statusCode: 401 } });
    expect(lines.filter((line) => line.requestId === 'req-test-ok')).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(cookie.split('=')[1]);
  });
});
