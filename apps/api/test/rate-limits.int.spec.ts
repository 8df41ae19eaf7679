import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { TokensRepository } from '../src/tokens/tokens.repository.js';
import { useTestApi } from './harness.js';
import { attempt, createToken, ingest, otlpRun } from './telemetry.js';

describe('sign-in rate limits', () => {
  const t = useTestApi({ ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '3' });

  const devSignIn = () => fetch(`${t.api.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"omar"}' });

  it('slows sign-in attempts from one address down with a 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await devSignIn()).status);
    }
    expect(statuses).toEqual([204, 204, 204]);
    const refused = await devSignIn();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { message: string };
    expect(body.message).toMatch(/^Too many sign-in attempts from this address: at most 3 a minute\. Try again in \d+ s\.$/);
  });
});

describe('ingest rate limits', () => {
  const t = useTestApi({ ROUNDHOUSE_INGEST_RATE_LIMIT: '2' });

  it('limits each runtime token on its own, and stores nothing from a refused request', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const cookie = await t.api.signIn('ada');
    const busy = (await createToken(t.api, cookie, { team: 'finance-ops' })).secret;
    const quiet = (await createToken(t.api, cookie, { team: 'finance-ops' })).secret;
    expect((await ingest(t.api, busy, attempt('invoice-generation'))).status).toBe(200);
    expect((await ingest(t.api, busy, attempt('invoice-generation'))).status).toBe(200);
    const refused = await ingest(t.api, busy, attempt('invoice-generation', { runId: 'refused-run' }));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/^Too many ingest requests with this token: at most 2 a minute/) as string });
    expect(await t.db.query(`SELECT run_id FROM run WHERE run_id = 'refused-run'`)).toEqual([]);
    // OpenTelemetry in shares the token's budget, and says so as OTLP does: a Status with Retry-After.
    const traces = await fetch(`${t.api.url}/v1/traces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${busy}`, 'content-type': 'application/json' },
      body: JSON.stringify(otlpRun('invoice-generation', { spanId: 'aaaaaaaaaaaaaaaa' })),
    });
    expect(traces.status).toBe(429);
    expect(Number(traces.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await traces.json()).toEqual({ code: 8, message: expect.stringMatching(/^Too many ingest requests with this token: at most 2 a minute/) as string });
    expect(await t.db.query(`SELECT run_id FROM run WHERE run_id = 'aaaaaaaaaaaaaaaa'`)).toEqual([]);
    // Another runtime is not held back by the busy one.
    expect((await ingest(t.api, quiet, attempt('invoice-generation'))).status).toBe(200);
  });
});

describe('rate limits for unknown runtime tokens', () => {
  const t = useTestApi({ ROUNDHOUSE_INGEST_UNKNOWN_TOKEN_RATE_LIMIT: '5' });

  /** A token shaped like ours that Roundhouse never made: without the limit, each one is looked up. */
  const guess = () => `rh_rt_${randomBytes(16).toString('hex')}_${randomBytes(32).toString('base64url')}`;

  it('answers guessed tokens from one address with 429 before any token lookup once over the budget, while working tokens go on', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const token = (await createToken(t.api, await t.api.signIn('ada'), { team: 'finance-ops' })).secret;
    // A working token's requests use none of the address's budget.
    for (let i = 0; i < 6; i += 1) {
      expect((await ingest(t.api, token, attempt('invoice-generation'))).status).toBe(200);
    }
    // Every TokensRepository instance (the tokens and token-coverage modules each hold one) looks up through the prototype.
    const lookups = vi.spyOn(TokensRepository.prototype, 'findById');

    const firsts = [];
    for (let i = 0; i < 5; i += 1) {
      firsts.push((await ingest(t.api, guess(), attempt('invoice-generation'))).status);
    }
    expect(firsts).toEqual([401, 401, 401, 401, 401]);
    expect(lookups).toHaveBeenCalledTimes(5);

    for (let i = 0; i < 20; i += 1) {
      const refused = await ingest(t.api, guess(), attempt('invoice-generation', { runId: `guessed-${i}` }));
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({
        message: expect.stringMatching(/^Too many requests with a missing or unknown runtime token from this address: at most 5 a minute\. Try again in \d+ s\.$/) as string,
      });
    }
    const claim = await fetch(`${t.api.url}/ingest/v1/commands/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${guess()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(claim.status).toBe(429);
    expect(Number(claim.headers.get('retry-after'))).toBeGreaterThan(0);
    const anonymous = await fetch(`${t.api.url}/ingest/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(anonymous.status).toBe(429);
    expect(lookups).toHaveBeenCalledTimes(5);
    expect(await t.db.query(`SELECT run_id FROM run WHERE run_id LIKE 'guessed-%'`)).toEqual([]);

    // The runtime that worked keeps its own budget.
    expect((await ingest(t.api, token, attempt('invoice-generation'))).status).toBe(200);
    lookups.mockRestore();
  });
});
