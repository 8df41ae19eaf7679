import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, useTestApi, type GraphQLResult, type TestApi } from '../../test/harness.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { OidcVerifier } from './oidc.js';

const ISSUER = 'https://id.example.test/realms/ops';
const AUDIENCE = 'roundhouse';
const KID = 'signing-key-1';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

describe(OidcVerifier.name, () => {
  const t = useTestApi();
  let jwks: Server;
  let sso: TestApi;
  let provider: KeyPair;
  let stranger: KeyPair;

  /** A token as the identity provider would issue it; `changes` override claims, `key` signs it. */
  async function token(changes: JWTPayload = {}, key: KeyPair = provider): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'sam@example.test',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 300,
      roundhouse_role: 'owner',
      roundhouse_teams: ['finance-ops'],
      name: 'Sam Single-Sign-On',
      ...changes,
    };
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: KID }).sign(key.privateKey);
  }

  const graphql = async <T>(api: TestApi, bearer: string, query: string, variables: Record<string, unknown> = {}, cookie?: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...(cookie === undefined ? {} : { cookie }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
  const refusal = async (bearer: string) => {
    const result = await graphql(sso, bearer, '{ viewer { name } }');
    return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message };
  };

  beforeAll(async () => {
    provider = await generateKeyPair('ES256');
    stranger = await generateKeyPair('ES256');
    const published = JSON.stringify({ keys: [{ ...(await exportJWK(provider.publicKey)), kid: KID, alg: 'ES256', use: 'sig' }] });
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(published);
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    sso = await startTestApi(t.db.url, { ROUNDHOUSE_OIDC_ISSUER: ISSUER, ROUNDHOUSE_OIDC_AUDIENCE: AUDIENCE, ROUNDHOUSE_OIDC_JWKS_URL: jwksUrl, ROUNDHOUSE_DEV_SIGN_IN: 'false' });
    await sso.app.get(CatalogService).apply(path.join(sso.config.repositoryRoot, 'catalog'), sso.config.repositoryRoot);
  });

  afterAll(async () => {
    await sso?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('signs in a request carrying a valid token, with the role and teams from its claims', async () => {
    const result = await graphql<{ viewer: unknown }>(sso, await token(), '{ viewer { id name role teams } }');
    expect(result.data?.viewer).toEqual({ id: 'sam@example.test', name: 'Sam Single-Sign-On', role: 'owner', teams: ['finance-ops'] });
    const session = (await (await fetch(`${sso.url}/auth/session`, { headers: { authorization: `Bearer ${await token()}` } })).json()) as {
      user: unknown;
      csrfToken: unknown;
      methods: unknown;
    };
    expect(session).toMatchObject({ user: { id: 'sam@example.test', role: 'owner' }, csrfToken: null, methods: { local: false, devSignIn: false, oidc: true } });
  });

  it('adds the teams the catalog gives the subject or its email: a Backstage User’s memberOf, a Group’s members', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-oidc-catalog-'));
    try {
      await cp(path.join(sso.config.repositoryRoot, 'catalog'), dir, { recursive: true });
      await writeFile(
        path.join(dir, 'teams/people.yaml'),
        [
          'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: sam }\nspec: { profile: { email: Sam@Example.test }, memberOf: [group:default/order-ops] }',
          'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: sam-fans }\nspec: { type: team, children: [], members: [kim] }',
        ].join('\n---\n'),
      );
      await sso.app.get(CatalogService).apply(dir, dir);
      // sub "sam@example.test" is Sam's email (in another case); sub "kim" is a member of sam-fans.
      expect((await graphql<{ viewer: { teams: string[] } }>(sso, await token(), '{ viewer { teams } }')).data?.viewer.teams).toEqual(['finance-ops', 'order-ops']);
      expect((await graphql<{ viewer: { teams: string[] } }>(sso, await token({ sub: 'kim', roundhouse_teams: [] }), '{ viewer { teams } }')).data?.viewer.teams).toEqual([
        'sam-fans',
      ]);
      // By email only when the provider vouches for it: an address set without proof gives no one else's teams.
      const byEmail = async (verified: boolean) =>
        (
          await graphql<{ viewer: { teams: string[] } }>(
            sso,
            await token({ sub: 'una', email: 'sam@example.test', email_verified: verified, roundhouse_teams: [] }),
            '{ viewer { teams } }',
          )
        ).data?.viewer.teams;
      expect(await byEmail(true)).toEqual(['order-ops']);
      expect(await byEmail(false)).toEqual([]);
    } finally {
      await sso.app.get(CatalogService).apply(path.join(sso.config.repositoryRoot, 'catalog'), sso.config.repositoryRoot);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('needs no CSRF token for a mutation made with a bearer token', async () => {
    const created = await graphql<{ createRuntimeToken: { token: { createdBy: string } } }>(
      sso,
      await token(),
      `
        mutation Create($input: CreateRuntimeTokenInput!) {
          createRuntimeToken(input: $input) {
            secret
            token {
              id
            }
          }
        }
      `,
      { input: { name: 'sso-made', team: 'finance-ops' } },
    );
    expect(created.errors).toBeUndefined();
    expect(await t.db.query(`SELECT created_by FROM runtime_token WHERE name = 'sso-made'`)).toEqual([{ created_by: 'sam@example.test' }]);
  });

  it('falls back from name to preferred_username to sub, and reads teams given as a string', async () => {
    const result = await graphql<{ viewer: unknown }>(
      sso,
      await token({ name: undefined, preferred_username: 'sam', roundhouse_teams: 'finance-ops, people-ops' }),
      '{ viewer { name teams } }',
    );
    expect(result.data?.viewer).toEqual({ name: 'sam', teams: ['finance-ops', 'people-ops'] });
  });

  it('refuses a token from another issuer, for another audience, expired, or signed by another key', async () => {
    expect(await refusal(await token({ iss: 'https://evil.example.test' }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: `The bearer token was not issued by this server's identity provider (${ISSUER}).`,
    });
    expect(await refusal(await token({ aud: 'another-app' }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The bearer token is not meant for Roundhouse: its audience is not "roundhouse".',
    });
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(await refusal(await token({ iat: anHourAgo - 60, exp: anHourAgo }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The bearer token has expired: sign in again at your identity provider.',
    });
    expect(await refusal(await token({}, stranger))).toEqual({ code: 'UNAUTHENTICATED', message: 'The bearer token is not signed by any key of this server’s identity provider.' });
  });

  it('refuses an unsigned token (alg: none) and a token that is no JWT', async () => {
    const [, payload] = (await token()).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect(await refusal(unsigned)).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/^The bearer token is not signed with an accepted algorithm/) as string });
    expect((await refusal('not-a-jwt')).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without a valid role claim, naming the claim', async () => {
    expect(await refusal(await token({ roundhouse_role: undefined }))).toEqual({
      code: 'UNAUTHENTICATED',
      message:
        'The bearer token has no valid "roundhouse_role" claim (found none; expected one of viewer, operator, owner, admin), so Roundhouse cannot tell what you may do. Ask your identity provider\'s administrator to add it.',
    });
    expect((await refusal(await token({ roundhouse_role: 'superuser' }))).message).toContain('(found "superuser"; expected one of viewer, operator, owner, admin)');
  });

  it('never falls back to the session cookie when a bearer token is refused', async () => {
    const admin = await t.api.signIn('ada');
    const result = await graphql(sso, await token({ aud: 'another-app' }), '{ viewer { name } }', {}, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bearer tokens other than runtime tokens when single sign-on is not configured', async () => {
    const result = await graphql(t.api, await token(), '{ viewer { name } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'This server accepts no bearer tokens but runtime tokens (rh_rt_…): single sign-on (ROUNDHOUSE_OIDC_ISSUER) is not configured.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
