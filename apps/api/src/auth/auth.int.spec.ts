import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { startTestApi, useTestApi } from '../../test/harness.js';
import { AuthGuard } from './auth.guard.js';
import { listOperationRules } from './operation-rules.js';
import { PERMISSIONS } from './permissions.js';

describe(AuthGuard.name, () => {
  const t = useTestApi();

  it('has a rule for every mutation and query in the schema, and every mutation needs a permission', () => {
    const schema = t.api.app.get(GraphQLSchemaHost).schema;
    const rules = listOperationRules(t.api.app.get(DiscoveryService), t.api.app.get(MetadataScanner), t.api.app.get(Reflector));
    const byOperation = new Map(rules.map((r) => [r.operation, r.rule]));
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    for (const name of mutations) {
      const rule = byOperation.get(`Mutation.${name}`);
      expect(rule, `Mutation.${name} has no rule`).toBeDefined();
      expect(rule && 'permission' in rule ? (PERMISSIONS as readonly string[]).includes(rule.permission) : false, `Mutation.${name} must need a permission`).toBe(true);
    }
    for (const name of queries) {
      expect(byOperation.get(`Query.${name}`), `Query.${name} has no rule`).toBeDefined();
    }
  });

  it('serves the console’s session routes: personas when dev sign-in is on, a cookie, sign-out', async () => {
    const anonymous = (await (await fetch(`${t.api.url}/auth/session`)).json()) as { user: unknown; personas: { id: string }[] };
    expect(anonymous.user).toBeNull();
    expect(anonymous.personas.map((p) => p.id)).toEqual(['ada', 'omar', 'olga', 'otto', 'oscar', 'vera']);
    const cookie = await t.api.signIn('omar');
    const session = (await (await fetch(`${t.api.url}/auth/session`, { headers: { cookie } })).json()) as { user: { role: string; teams: string[] } };
    expect(session.user).toMatchObject({ role: 'owner', teams: ['finance-ops'] });
    const viewer = await t.api.graphql<{ viewer: { name: string; canRegister: boolean } }>('{ viewer { name canRegister } }', {}, cookie);
    expect(viewer.data?.viewer).toEqual({ name: 'Omar Owner', canRegister: true });
    const signOut = await fetch(`${t.api.url}/auth/sign-out`, { method: 'POST', headers: { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) } });
    expect(signOut.headers.get('set-cookie')).toContain('rh_session=;');
    // The session ended on the server: a copy of the cookie kept elsewhere no longer works.
    const replayed = await t.api.graphql('{ viewer { name } }', {}, cookie);
    expect(replayed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await (await fetch(`${t.api.url}/auth/session`, { headers: { cookie } })).json()) as { user: unknown }).toMatchObject({ user: null });
  });

  it('rejects a tampered session cookie', async () => {
    const cookie = await t.api.signIn('vera');
    const [name, value] = cookie.split('=');
    const [body, signature] = (value ?? '').split('.');
    const forged = Buffer.from(JSON.stringify({ id: 'vera', name: 'Vera', role: 'admin', teams: [], exp: 9999999999 })).toString('base64url');
    const result = await t.api.graphql('{ viewer { role } }', {}, `${name}=${forged}.${signature}`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body).not.toBe(forged);
  });

  it('refuses dev sign-in when it is turned off', async () => {
    const closed = await startTestApi(t.db.url, { ROUNDHOUSE_DEV_SIGN_IN: 'false' });
    try {
      const response = await fetch(`${closed.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    } finally {
      await closed.close();
    }
  });
});
