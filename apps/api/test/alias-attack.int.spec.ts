import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SessionCodec } from '../src/auth/session.js';
import { SessionsRepository } from '../src/auth/sessions.repository.js';
import { DEV_PERSONAS } from '../src/auth/personas.js';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { DashboardsService } from '../src/dashboards/dashboards.service.js';
import { useTestApi } from './harness.js';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The hostile tester's report, replayed: a viewer multiplying the costliest field by aliases, in production. */
describe('expensive fields multiplied by aliases, in production', () => {
  const t = useTestApi({ NODE_ENV: 'production', ROUNDHOUSE_DEV_SIGN_IN: 'false', ROUNDHOUSE_SESSION_SECRET: 'alias-attack-test-secret-0123456789abcdefghij' });
  let cookie: string;

  beforeAll(async () => {
    const root = t.api.config.repositoryRoot;
    await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
    await t.api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
    // No dev sign-in in production: Vera (viewer) gets a session as the api itself would sign it.
    const { description: _description, ...vera } = DEV_PERSONAS.find((p) => p.id === 'vera') ?? DEV_PERSONAS[0]!;
    const session = t.api.app.get(SessionCodec).encode(vera);
    await t.api.app.get(SessionsRepository).open(session.id, vera.id, session.expiresAt);
    cookie = `${SESSION_COOKIE}=${session.token}`;
  });

  const post = async (query: string): Promise<Answer> => {
    const response = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const dashboard = (alias: string) => `${alias}: dashboard(name: "finance-automation-program", range: { last: "90d" }) { title panels { title problem } }`;

  it('refuses 400 aliases of dashboard(name:) before anything runs, with a 400 and a sentence naming the field and the cap', async () => {
    const attack = await post(`{ ${Array.from({ length: 400 }, (_, i) => dashboard(`d${i}`)).join(' ')} }`);
    expect(attack.status).toBe(400);
    expect(attack.body.data).toBeUndefined();
    expect(attack.body.errors).toEqual([
      {
        message:
          'This operation asks for "dashboard" 400 times (each alias counts); at most 3 are allowed in one operation. Send separate requests, or ask a list field for several at once.',
        extensions: { code: 'QUERY_TOO_COSTLY' },
      },
    ]);
  });

  it('counts aliases spread through fragments and inline fragments alike', async () => {
    const spread = await post(
      `{ ...A ... on Query { ${dashboard('c')} } } fragment A on Query { ${dashboard('a')} ${dashboard('b')} ...B } fragment B on Query { ${dashboard('z')} }`,
    );
    expect(spread.status).toBe(400);
    expect(spread.body.errors?.[0]?.message).toMatch(/^This operation asks for "dashboard" 4 times/);
  });

  it('answers the dashboards a viewer may ask for at once, each computed', async () => {
    const allowed = await post(`{ ${dashboard('a')} ${dashboard('b')} ${dashboard('c')} }`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();
    expect(Object.values(allowed.body.data ?? {}).map((d) => (d as { title: string }).title)).toEqual([
      'Finance automation program',
      'Finance automation program',
      'Finance automation program',
    ]);
  });
});
