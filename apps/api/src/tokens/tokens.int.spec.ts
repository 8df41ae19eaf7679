import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, deadLetter, ingest, rotateToken } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { TokensService } from './tokens.service.js';

interface TokenRow {
  id: string;
  state: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedBy: string | null;
  replaces: string | null;
  replacedBy: string | null;
}

describe(TokensService.name, () => {
  const t = useTestApi();
  let owner: string;

  const listed = async (id: string): Promise<TokenRow | undefined> => {
    const result = await t.api.graphql<{ runtimeTokens: TokenRow[] }>(
      '{ runtimeTokens(team: "finance-ops") { id state expiresAt lastUsedAt revokedBy replaces replacedBy } }',
      {},
      owner,
    );
    return result.data?.runtimeTokens.find((token) => token.id === id);
  };
  const expireNow = (id: string) => t.db.query(`UPDATE runtime_token SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
  const storedRuns = async (runId: string) => (await t.db.query(`SELECT 1 FROM run WHERE run_id = $1`, [runId])).length;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
  });

  it('refuses an expired token at once, says when it expired and to rotate it, and stores nothing', async () => {
    const token = await createToken(t.api, owner, { name: 'invoice-worker staging', team: 'finance-ops', expiresInDays: 7 });
    const fresh = await listed(token.id);
    expect(fresh?.state).toBe('active');
    expect(new Date(fresh?.expiresAt ?? 0).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    await expireNow(token.id);
    const events = attempt('invoice-generation');
    const refused = await ingest(t.api, token.secret, events);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toMatch(/^The runtime token "invoice-worker staging" \(rh_rt_[0-9a-f]{8}…\) expired on \d{4}-\d\d-\d\dT.*: rotate it/);
    expect(await storedRuns((events[0] as { runId: string }).runId)).toBe(0);
    expect((await listed(token.id))?.state).toBe('expired');
  });

  it('rotates without downtime: both tokens work during the overlap, then only the new one', async () => {
    const old = await createToken(t.api, owner, { name: 'payouts worker', team: 'finance-ops', automations: ['payout-reconciliation'], capabilities: ['ingest'] });
    const rotated = await rotateToken(t.api, owner, old.id, { overlapHours: 2 });
    const overlapEnd = new Date(rotated.oldExpiresAt).getTime() - Date.now();
    expect(overlapEnd).toBeGreaterThan(1.9 * 3600 * 1000);
    expect(overlapEnd).toBeLessThanOrEqual(2 * 3600 * 1000);

    expect((await ingest(t.api, old.secret, attempt('payout-reconciliation'))).body.accepted).toBe(2);
    expect((await ingest(t.api, rotated.secret, attempt('payout-reconciliation'))).body.accepted).toBe(2);
    expect(await listed(old.id)).toMatchObject({ state: 'replaced', replacedBy: rotated.id });
    const successor = await t.api.graphql<{ runtimeTokens: { id: string; name: string; automations: string[]; capabilities: string[]; replaces: string }[] }>(
      '{ runtimeTokens(team: "finance-ops") { id name automations capabilities replaces } }',
      {},
      owner,
    );
    expect(successor.data?.runtimeTokens.find((token) => token.id === rotated.id)).toEqual({
      id: rotated.id,
      name: 'payouts worker',
      automations: ['payout-reconciliation'],
      capabilities: ['ingest'],
      replaces: old.id,
    });

    await expireNow(old.id);
    const late = await ingest(t.api, old.secret, attempt('payout-reconciliation'));
    expect(late.status).toBe(401);
    expect(late.body.error?.message).toContain('after it was rotated: give the runtime the token that replaced it');
    expect((await ingest(t.api, rotated.secret, attempt('payout-reconciliation'))).body.accepted).toBe(2);

    const again = await t.api.graphql('mutation R($id: ID!) { rotateRuntimeToken(id: $id) { secret } }', { id: old.id }, owner);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toBe('The token "payouts worker" was already rotated: rotate the token that replaced it instead.');
  });

  it('keeps the old end when it comes before the overlap, and refuses to rotate a revoked token', async () => {
    const short = await createToken(t.api, owner, { team: 'finance-ops' });
    await t.db.query(`UPDATE runtime_token SET expires_at = now() + interval '1 hour' WHERE id = $1`, [short.id]);
    const rotated = await rotateToken(t.api, owner, short.id, { overlapHours: 48 });
    expect(new Date(rotated.oldExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000);

    const revoked = await createToken(t.api, owner, { name: 'retired worker', team: 'finance-ops' });
    await t.api.graphql('mutation V($id: ID!) { revokeRuntimeToken(id: $id) { id } }', { id: revoked.id }, owner);
    const refused = await t.api.graphql('mutation R($id: ID!) { rotateRuntimeToken(id: $id) { secret } }', { id: revoked.id }, owner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/^The token "retired worker" was revoked on .*, so it cannot be rotated: create a new token instead\.$/);
  });

  it('revokes at once: the next request is refused, and the list says who revoked it', async () => {
    const token = await createToken(t.api, owner, { name: 'chargeback worker', team: 'finance-ops' });
    expect((await ingest(t.api, token.secret, attempt('invoice-generation'))).status).toBe(200);
    const revoked = await t.api.graphql<{ revokeRuntimeToken: { state: string; revokedBy: string } }>(
      'mutation V($id: ID!) { revokeRuntimeToken(id: $id) { state revokedBy } }',
      { id: token.id },
      owner,
    );
    expect(revoked.data?.revokeRuntimeToken).toEqual({ state: 'revoked', revokedBy: 'omar' });
    const events = attempt('invoice-generation');
    const refused = await ingest(t.api, token.secret, events);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toMatch(/^The runtime token "chargeback worker" \(rh_rt_[0-9a-f]{8}…\) was revoked on /);
    expect(await storedRuns((events[0] as { runId: string }).runId)).toBe(0);

    const twice = await t.api.graphql('mutation V($id: ID!) { revokeRuntimeToken(id: $id) { id } }', { id: token.id }, owner);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('tells an unknown token from a missing one without naming anything', async () => {
    const token = await createToken(t.api, owner, { name: 'secret name', team: 'finance-ops' });
    const wrongSecret = `${token.secret.slice(0, -4)}AAAA`;
    const unknown = await ingest(t.api, wrongSecret, []);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error?.message).toMatch(/^Roundhouse knows no runtime token rh_rt_[0-9a-f]{8}…/);
    expect(unknown.body.error?.message).not.toContain('secret name');
    expect((await ingest(t.api, 'not-a-token', [])).body.error?.message).toBe('A valid runtime token is required: Authorization: Bearer rh_rt_…');
  });

  it('shows when a token was last used', async () => {
    const token = await createToken(t.api, owner, { team: 'finance-ops' });
    expect((await listed(token.id))?.lastUsedAt).toBeNull();
    await ingest(t.api, token.secret, attempt('invoice-generation'));
    const used = await listed(token.id);
    expect(used?.lastUsedAt).not.toBeNull();
    // A second request within the minute does not write again.
    await ingest(t.api, token.secret, attempt('invoice-generation'));
    expect((await listed(token.id))?.lastUsedAt).toBe(used?.lastUsedAt);
  });

  it('keeps a token to its capabilities, its automations and its team', async () => {
    const runsOnly = await createToken(t.api, owner, { name: 'runs only', team: 'finance-ops', capabilities: ['ingest'] });
    const messageId = 'runs-only-letter';
    const letter = deadLetter('payout-reconciliation', { messageId });
    const [run] = attempt('payout-reconciliation');
    const mixed = await ingest(t.api, runsOnly.secret, [run, letter]);
    expect(mixed.body.results.map((r) => [r.outcome, r.reason])).toEqual([
      ['accepted', undefined],
      ['forbidden', 'the token "runs only" lacks the dead_letters capability'],
    ]);
    expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE message_id = $1`, [messageId])).toEqual([]);

    const withLetters = await createToken(t.api, owner, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters'] });
    expect((await ingest(t.api, withLetters.secret, [deadLetter('payout-reconciliation')])).body.accepted).toBe(1);

    const onlyA = await createToken(t.api, owner, { name: 'invoices only', team: 'finance-ops', automations: ['invoice-generation'] });
    const forB = await ingest(t.api, onlyA.secret, attempt('payout-reconciliation'));
    expect(forB.status).toBe(403);
    expect(forB.body.results[0]?.reason).toBe('the token "invoices only" does not cover the automation "payout-reconciliation"');

    const otherTeam = await ingest(t.api, withLetters.secret, [...attempt('order-fulfillment'), deadLetter('order-fulfillment')]);
    expect(otherTeam.status).toBe(403);
    expect(otherTeam.body.forbidden).toBe(3);
    expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE automation_slug = 'order-fulfillment'`)).toEqual([]);
  });

  it('audits creation, rotation and revocation with the scope and expiry, never the secret', async () => {
    const created = await createToken(t.api, owner, { name: 'audited worker', team: 'finance-ops', automations: ['invoice-generation'], capabilities: ['ingest', 'commands'] });
    const rotated = await rotateToken(t.api, owner, created.id, { overlapHours: 1 });
    await t.api.graphql('mutation V($id: ID!) { revokeRuntimeToken(id: $id) { id } }', { id: rotated.id }, owner);

    const entries = await t.db.query<{ action: string; target_id: string; actor_id: string; teams: string[]; automations: string[]; after: Record<string, unknown>; text: string }>(
      `SELECT action, target_id, actor_id, teams, automations, after, row_to_json(audit_entry)::text AS text
         FROM audit_entry WHERE target_kind = 'runtime_token' AND target_id IN ($1, $2) ORDER BY id`,
      [created.id, rotated.id],
    );
    expect(entries.map((e) => [e.action, e.target_id])).toEqual([
      ['token.created', created.id],
      ['token.created', rotated.id],
      ['token.rotated', created.id],
      ['token.revoked', rotated.id],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor_id: 'omar', teams: ['finance-ops'], automations: ['invoice-generation'] });
      expect(entry.after).toMatchObject({ name: 'audited worker', capabilities: ['ingest', 'commands'], automations: ['invoice-generation'] });
      expect(Number.isNaN(Date.parse(String(entry.after.expiresAt)))).toBe(false);
      for (const secret of [created.secret, rotated.secret]) {
        expect(entry.text).not.toContain(secret.slice(-43));
      }
      expect(entry.text).not.toMatch(/secret|hash/i);
    }
    expect(entries[2]?.after.expiresAt).toBe(rotated.oldExpiresAt);
  });

  it('names the field and what is allowed for an expiry or overlap out of range', async () => {
    const create = (expiresInDays: number) =>
      t.api.graphql(
        'mutation C($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret } }',
        { input: { name: 'bad', team: 'finance-ops', expiresInDays } },
        owner,
      );
    for (const days of [0, 400]) {
      const refused = await create(days);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.fields).toEqual([{ path: 'expiresInDays', message: 'a whole number of days from 1 to 365', found: String(days), allowed: '1–365' }]);
    }
    const token = await createToken(t.api, owner, { team: 'finance-ops' });
    for (const hours of [0, 200]) {
      const refused = await t.api.graphql('mutation R($id: ID!, $h: Int) { rotateRuntimeToken(id: $id, overlapHours: $h) { secret } }', { id: token.id, h: hours }, owner);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.fields).toEqual([
        { path: 'overlapHours', message: 'a whole number of hours from 1 to 168 (a week)', found: String(hours), allowed: '1–168' },
      ]);
    }
    expect((await listed(token.id))?.state).toBe('active');
  });

  it('refuses a second token of a team in effect under the same name, with a sentence on the name field; a revoked or other team’s name is free', async () => {
    const create = (name: string, team = 'finance-ops', cookie = owner) =>
      t.api.graphql<{ createRuntimeToken: { token: { id: string } } }>(
        'mutation C($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { token { id } } }',
        { input: { name, team } },
        cookie,
      );
    const first = await createToken(t.api, owner, { name: 'ap-aging worker', team: 'finance-ops' });
    const prefix = (await t.db.query<{ prefix: string }>('SELECT prefix FROM runtime_token WHERE id = $1', [first.id]))[0]?.prefix;

    for (const same of ['ap-aging worker', '  AP-Aging Worker ']) {
      const refused = await create(same);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toBe(
        `The team finance-ops already has a token named "ap-aging worker" (${prefix}…): choose another name, or rotate that token to replace its secret.`,
      );
      expect(refused.errors?.[0]?.extensions?.fields).toEqual([{ path: 'name', message: refused.errors?.[0]?.message }]);
    }
    expect((await t.db.query(`SELECT 1 FROM runtime_token WHERE lower(name) = 'ap-aging worker'`)).length).toBe(1);

    // Rotating keeps the one name for the new secret; the name stays taken.
    await rotateToken(t.api, owner, first.id, { overlapHours: 1 });
    expect((await create('ap-aging worker')).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Another team may use it; once a team's token is revoked or expired, so may that team.
    expect((await create('ap-aging worker', 'order-ops', await t.api.signIn('ada'))).errors).toBeUndefined();
    const tokens = await t.db.query<{ id: string }>(`SELECT id FROM runtime_token WHERE team = 'finance-ops' AND name = 'ap-aging worker' AND replaced_by IS NULL`);
    await t.api.graphql('mutation R($id: ID!) { revokeRuntimeToken(id: $id) { id } }', { id: tokens[0]?.id }, owner);
    const again = await create('ap-aging worker');
    expect(again.errors).toBeUndefined();
    await expireNow(again.data?.createRuntimeToken.token.id ?? '');
    expect((await create('ap-aging worker')).errors).toBeUndefined();
  });

  it('says a new 90-day token expires 90 days from now', async () => {
    const created = await createToken(t.api, owner, { team: 'finance-ops', expiresInDays: 90 });
    const token = await listed(created.id);
    const days = (new Date(token?.expiresAt ?? 0).getTime() - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThanOrEqual(90);
  });

  it('lets only the team’s owners and admins rotate its tokens', async () => {
    const token = await createToken(t.api, await t.api.signIn('ada'), { team: 'order-ops' });
    const refused = await t.api.graphql('mutation R($id: ID!) { rotateRuntimeToken(id: $id) { secret } }', { id: token.id }, owner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.db.query(`SELECT 1 FROM runtime_token WHERE replaces = $1`, [token.id])).length).toBe(0);
  });
});
