import path from 'node:path';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { INGEST_MAX_BODY_BYTES, INGEST_MAX_INFLATED_BYTES, INGEST_PATH } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { JSON_BODY_MAX_BYTES } from '../src/common/http/json-body.js';
import { useTestApi } from './harness.js';
import { createToken } from './telemetry.js';

interface Refusal {
  status: number;
  message: string | undefined;
}

/** A JSON object of exactly `bytes` bytes. */
const jsonOf = (bytes: number) => {
  const shell = '{"query":"{ __typename }","variables":{"pad":""}}';
  return `${shell.slice(0, -3)}${'x'.repeat(bytes - shell.length)}"}}`;
};

describe('request body limits', () => {
  const t = useTestApi({ ROUNDHOUSE_INGEST_RATE_LIMIT: '1000', ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '1000' });
  let token: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    token = (await createToken(t.api, await t.api.signIn('ada'), { team: 'finance-ops' })).secret;
  });

  async function post(path: string, body: string | Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Refusal> {
    const response = await fetch(`${t.api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' });
    const answer = (await response.json()) as { error?: { message?: string }; errors?: { message?: string }[] };
    return { status: response.status, message: answer.error?.message ?? answer.errors?.[0]?.message };
  }

  it('refuses a JSON body over 1 MiB, as sent or once un-gzipped, on GraphQL and sign-in, with a 413 naming the limit', async () => {
    expect(JSON_BODY_MAX_BYTES).toBe(1024 * 1024);
    const sentence = 'The request body is larger than 1 MiB (1048576 bytes), as sent or once decompressed.';
    for (const path of ['/graphql', '/auth/dev-sign-in', '/auth/sign-in']) {
      expect(await post(path, jsonOf(JSON_BODY_MAX_BYTES + 1))).toEqual({ status: 413, message: sentence });
      const bomb = gzipSync(jsonOf(20 * JSON_BODY_MAX_BYTES));
      expect(bomb.length).toBeLessThan(100_000);
      expect(await post(path, bomb, { 'content-encoding': 'gzip' })).toEqual({ status: 413, message: sentence });
    }
    // Up to the limit, the request is read and answered.
    expect((await post('/graphql', jsonOf(JSON_BODY_MAX_BYTES))).status).toBe(200);
    expect((await post('/graphql', gzipSync(jsonOf(JSON_BODY_MAX_BYTES)), { 'content-encoding': 'gzip' })).status).toBe(200);
  });

  it('refuses an ingest body over 1 MiB as sent, streamed or not, JSON or NDJSON, with a 413 naming the limit', async () => {
    const sentence = 'The request body is larger than 1 MiB (1048576 bytes): send at most 1000 events and 1048576 bytes per request.';
    const auth = { authorization: `Bearer ${token}` };
    const big = `[${'{},'.repeat(INGEST_MAX_BODY_BYTES / 3)}{}]`;
    expect(await post(INGEST_PATH, big, auth)).toEqual({ status: 413, message: sentence });
    expect(await post(INGEST_PATH, big.replace(/,/g, '\n'), { ...auth, 'content-type': 'application/x-ndjson' })).toEqual({ status: 413, message: sentence });
    // Without a Content-Length, the body is counted while it arrives.
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 4 * INGEST_MAX_BODY_BYTES) {
          controller.close();
        } else {
          controller.enqueue(chunk);
        }
      },
    });
    expect(await post(INGEST_PATH, stream, auth)).toEqual({ status: 413, message: sentence });
  });

  it('refuses a gzip ingest body over 8 MiB once un-gzipped with a 413 naming the limit', async () => {
    const auth = { authorization: `Bearer ${token}`, 'content-encoding': 'gzip' };
    const bomb = gzipSync(Buffer.alloc(INGEST_MAX_INFLATED_BYTES + 1, ' '));
    expect(bomb.length).toBeLessThan(INGEST_MAX_BODY_BYTES);
    expect(await post(INGEST_PATH, bomb, auth)).toEqual({ status: 413, message: 'The body is larger than 8 MiB (8388608 bytes) once un-gzipped.' });
    const justUnder = gzipSync(`[${' '.repeat(INGEST_MAX_INFLATED_BYTES - 2)}]`);
    expect(await post(INGEST_PATH, justUnder, auth)).toEqual({ status: 200, message: undefined });
  });

  it('inflates a deflate ingest body (zlib or raw) up to 8 MiB, refuses a deflate bomb with a 413, and any other coding with a 415', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const over = Buffer.alloc(INGEST_MAX_INFLATED_BYTES + 1, ' ');
    const sentence = 'The body is larger than 8 MiB (8388608 bytes) once inflated.';
    for (const bomb of [deflateSync(over), deflateRawSync(over)]) {
      expect(bomb.length).toBeLessThan(INGEST_MAX_BODY_BYTES);
      expect(await post(INGEST_PATH, bomb, { ...auth, 'content-encoding': 'deflate' })).toEqual({ status: 413, message: sentence });
    }
    const justUnder = `[${' '.repeat(INGEST_MAX_INFLATED_BYTES - 2)}]`;
    expect(await post(INGEST_PATH, deflateSync(justUnder), { ...auth, 'content-encoding': 'deflate' })).toEqual({ status: 200, message: undefined });
    expect(await post(INGEST_PATH, deflateRawSync(justUnder), { ...auth, 'content-encoding': 'Deflate' })).toEqual({ status: 200, message: undefined });
    expect(await post(INGEST_PATH, '[]', { ...auth, 'content-encoding': 'deflate' })).toEqual({
      status: 400,
      message: 'The body says Content-Encoding: deflate but is not deflate data.',
    });
    for (const coding of ['br', 'zstd', 'compress', 'gzip, deflate']) {
      expect(await post(INGEST_PATH, gzipSync('[]'), { ...auth, 'content-encoding': coding })).toEqual({
        status: 415,
        message: `The body's Content-Encoding is "${coding}": ingest takes identity (none), gzip or deflate, one coding per request.`,
      });
    }
  });
});
