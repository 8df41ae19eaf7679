import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClaimCommandsResponseV1 } from '@roundhouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { automationInput } from '../../test/fixtures.js';
import { useTestApi, type GraphQLResult, type Persona } from '../../test/harness.js';
import { attempt, createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { TokenCoverage } from './token-coverage.js';

const team = (name: string, title: string) => `apiVersion: roundhouse.dev/v1
kind: Team
metadata: { name: ${name}, title: ${title} }
spec: { email: ${name}@northwind.example }
`;

/** A file-managed automation of `owner`, which touches no risk domain and whose runtime uses the SDK. */
const statementMatching = (owner: string) => `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: supplier-statement-matching
  title: Supplier statement matching
  description: Matches supplier statements against open AP lines.
spec:
  type: automation
  lifecycle: production
  owner: ${owner}
  onCall: { name: AP on call }
  runtime: { kind: sdk }
  runbooks:
    - id: triage
      title: Triage
      path: runbooks/supplier-statement-matching.md
`;

interface ListedToken {
  id: string;
  allAutomations: boolean;
  automations: string[];
}

async function commands(url: string, token: string, route: 'claim' | 'ack', body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/ingest/v1/commands/${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe(TokenCoverage.name, () => {
  // Requests of one message on an automation touching no risk domain run at once; the jobs offer them to SDK runtimes.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' });
  const cookies = {} as Record<Persona, string>;
  let catalog: string;

  const as = <T>(persona: Persona, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> => t.api.graphql<T>(query, variables, cookies[persona]);
  const writeCatalog = async (owner: string) => {
    await writeFile(path.join(catalog, 'automations', 'supplier-statement-matching.yaml'), statementMatching(owner));
  };
  const applyCatalog = () => t.api.app.get(CatalogService).apply(catalog, catalog);
  const tokensOf = async (persona: Persona, teamName: string): Promise<ListedToken[]> => {
    const result = await as<{ runtimeTokens: ListedToken[] }>(persona, `query($team: String!) { runtimeTokens(team: $team) { id allAutomations automations } }`, {
      team: teamName,
    });
    expect(result.errors).toBeUndefined();
    return result.data?.runtimeTokens ?? [];
  };
  const move = async (slug: string, owner: string) => {
    const result = await as('ada', `mutation($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug } }`, {
      slug,
      input: automationInput({ slug, owner, riskDomains: [] }),
    });
    expect(result.errors).toBeUndefined();
  };
  const coverageEntries = (tokenId: string) =>
    t.db.query<{ actor_id: string; actor_kind: string; automations: string[]; teams: string[]; before: unknown; after: unknown }>(
      `SELECT actor_id, actor_kind, automations, teams, before, after FROM audit_entry WHERE action = 'token.coverage_reduced' AND target_id = $1 ORDER BY id`,
      [tokenId],
    );

  beforeAll(async () => {
    catalog = await mkdtemp(path.join(tmpdir(), 'roundhouse-coverage-'));
    await mkdir(path.join(catalog, 'teams'), { recursive: true });
    await mkdir(path.join(catalog, 'automations'), { recursive: true });
    await mkdir(path.join(catalog, 'runbooks'), { recursive: true });
    await writeFile(path.join(catalog, 'teams', 'finance-ops.yaml'), team('finance-ops', 'Finance Operations'));
    await writeFile(path.join(catalog, 'teams', 'order-ops.yaml'), team('order-ops', 'Order Operations'));
    await writeFile(path.join(catalog, 'runbooks', 'supplier-statement-matching.md'), '# Business impact\nSupplier balances go unreconciled.\n');
    await writeCatalog('finance-ops');
    await applyCatalog();
    for (const persona of ['ada', 'omar', 'otto'] as const) {
      cookies[persona] = await t.api.signIn(persona);
    }
  });

  afterAll(async () => {
    await rm(catalog, { recursive: true, force: true });
  });

  it('stops a token naming an automation from acting for it the moment it moves to another team, and puts the change on record', async () => {
    const slug = 'vendor-bill-capture';
    expect(
      (await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, riskDomains: [] }) })).errors,
    ).toBeUndefined();
    expect(
      (await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug: 'ap-aging', riskDomains: [] }) }))
        .errors,
    ).toBeUndefined();
    const everything = ['ingest', 'dead_letters', 'commands'];
    const worker = await createToken(t.api, cookies.omar, { name: 'ap worker', team: 'finance-ops', automations: [slug, 'ap-aging'], capabilities: everything });
    const billsOnly = await createToken(t.api, cookies.omar, { name: 'bill capture worker', team: 'finance-ops', automations: [slug], capabilities: everything });
    const financeWide = await createToken(t.api, cookies.omar, { name: 'finance worker', team: 'finance-ops', capabilities: everything });
    expect((await ingest(t.api, worker.secret, attempt(slug))).body.accepted).toBe(2);

    // A dead letter reported while the automation was finance-ops', reprocessed after the move.
    const failed = deadLetter(slug, { source: { kind: 'sdk', queue: `${slug}.failed` }, payload: { billId: 'bill_77', iban: 'DE89370400440532013000' } });
    expect((await ingest(t.api, worker.secret, [failed])).body.accepted).toBe(1);
    const [letter] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [(failed as { messageId: string }).messageId]);

    await move(slug, 'order-ops');

    // Ingest: every event for the moved automation is refused, with the reason; the token still works for what its team owns.
    const refused = await ingest(t.api, worker.secret, attempt(slug));
    expect(refused.status).toBe(403);
    expect(refused.body.results.map((r) => r.reason)).toEqual([
      `the token "ap worker" does not cover the automation "${slug}"`,
      `the token "ap worker" does not cover the automation "${slug}"`,
    ]);
    expect((await ingest(t.api, financeWide.secret, attempt(slug))).status).toBe(403);
    expect((await ingest(t.api, worker.secret, attempt('ap-aging'))).body.accepted).toBe(2);
    // A token whose every named automation moved covers nothing: an empty list is not "every automation".
    expect((await ingest(t.api, billsOnly.secret, attempt('ap-aging'))).status).toBe(403);

    // Order ops' operator reprocesses it; the old team's tokens cannot take the command (nor read its payload) or acknowledge it.
    const orderOps = await createToken(t.api, cookies.ada, { name: 'order-ops worker', team: 'order-ops', capabilities: everything });
    const started = await as<{ startReprocess: { id: string; state: string } }>('ada', `mutation($input: StartReprocessInput!) { startReprocess(input: $input) { id state } }`, {
      input: { action: 'reprocess', selection: { ids: [letter?.id] }, reason: 'supplier fixed the statement', velocity: 10 },
    });
    expect(started.data?.startReprocess.state).toBe('running');
    const requestId = started.data?.startReprocess.id;
    const [offered] = await eventually(
      () => t.db.query<{ reprocess_id: string }>(`SELECT reprocess_id::text FROM reprocess_item WHERE request_id = $1::bigint AND state = 'dispatched'`, [requestId]),
      (rows) => rows.length === 1,
      'the command offered to SDK runtimes',
    );
    for (const token of [worker, billsOnly, financeWide]) {
      expect((await commands(t.api.url, token.secret, 'claim', { max: 100 })).body).toEqual({ commands: [] });
      expect((await commands(t.api.url, token.secret, 'claim', { max: 100, automations: [slug] })).body).toEqual({ commands: [] });
      expect((await commands(t.api.url, token.secret, 'ack', { reprocessIds: [offered?.reprocess_id] })).body).toEqual({ acknowledged: 0 });
    }
    const claimed = (await commands(t.api.url, orderOps.secret, 'claim', { max: 100 })).body as ClaimCommandsResponseV1;
    expect(claimed.commands.map((command) => [command.reprocessId, command.automation])).toEqual([[offered?.reprocess_id, slug]]);
    expect(claimed.commands[0]?.payload).toMatchObject({ billId: 'bill_77' });
    expect((await commands(t.api.url, orderOps.secret, 'ack', { reprocessIds: [offered?.reprocess_id] })).body).toEqual({ acknowledged: 1 });

    // Claims and acknowledgements are on record with the runtime as the actor; the old team's tokens left none.
    const trail = await t.db.query<{ action: string; actor_id: string; actor_name: string; actor_kind: string; teams: string[]; automations: string[] }>(
      `SELECT action, actor_id, actor_name, actor_kind, teams, automations FROM audit_entry WHERE target_kind = 'reprocess_request' AND target_id = $1 AND actor_kind = 'runtime' ORDER BY id`,
      [requestId],
    );
    expect(trail).toEqual([
      { action: 'commands.claimed', actor_id: orderOps.id, actor_name: 'order-ops worker', actor_kind: 'runtime', teams: ['order-ops'], automations: [slug] },
      { action: 'commands.acknowledged', actor_id: orderOps.id, actor_name: 'order-ops worker', actor_kind: 'runtime', teams: ['order-ops'], automations: [slug] },
    ]);

    // The lists no longer name it, each change audited with before and after; the new team sees none of the old team's tokens.
    const finance = await tokensOf('omar', 'finance-ops');
    expect(finance.find((token) => token.id === worker.id)).toEqual({ id: worker.id, allAutomations: false, automations: ['ap-aging'] });
    expect(finance.find((token) => token.id === billsOnly.id)).toEqual({ id: billsOnly.id, allAutomations: false, automations: [] });
    expect(finance.find((token) => token.id === financeWide.id)).toEqual({ id: financeWide.id, allAutomations: true, automations: [] });
    expect((await tokensOf('ada', 'order-ops')).map((token) => token.id)).toEqual([orderOps.id]);
    expect(await coverageEntries(worker.id)).toEqual([
      {
        actor_id: 'ada',
        actor_kind: 'person',
        automations: [slug],
        teams: ['finance-ops'],
        before: { name: 'ap worker', automations: [slug, 'ap-aging'] },
        after: { name: 'ap worker', automations: ['ap-aging'] },
      },
    ]);
    expect(await coverageEntries(billsOnly.id)).toEqual([
      {
        actor_id: 'ada',
        actor_kind: 'person',
        automations: [slug],
        teams: ['finance-ops'],
        before: { name: 'bill capture worker', automations: [slug] },
        after: { name: 'bill capture worker', automations: [] },
      },
    ]);
    expect(await coverageEntries(financeWide.id)).toEqual([]);

    // Moving it back gives nothing back: a token regains an automation only by being made again.
    await move(slug, 'finance-ops');
    expect((await ingest(t.api, worker.secret, attempt(slug))).status).toBe(403);
    expect((await ingest(t.api, financeWide.secret, attempt(slug))).body.accepted).toBe(2);
  });

  it('takes an automation a catalog apply moves out of the old team’s tokens, in the apply', async () => {
    const slug = 'supplier-statement-matching';
    const token = await createToken(t.api, cookies.omar, { name: 'statement worker', team: 'finance-ops', automations: [slug] });
    expect((await ingest(t.api, token.secret, attempt(slug))).body.accepted).toBe(2);

    await writeCatalog('order-ops');
    await applyCatalog();

    expect((await ingest(t.api, token.secret, attempt(slug))).status).toBe(403);
    expect((await tokensOf('omar', 'finance-ops')).find((listed) => listed.id === token.id)?.automations).toEqual([]);
    expect(await coverageEntries(token.id)).toEqual([
      {
        actor_id: 'roundhouse',
        actor_kind: 'system',
        automations: [slug],
        teams: ['finance-ops'],
        before: { name: 'statement worker', automations: [slug] },
        after: { name: 'statement worker', automations: [] },
      },
    ]);
    const [applied] = await t.db.query<{ detail: { moved: unknown } }>(`SELECT detail FROM audit_entry WHERE action = 'catalog.applied' ORDER BY id DESC LIMIT 1`);
    expect(applied?.detail.moved).toEqual([{ slug, from: 'finance-ops', to: 'order-ops' }]);
  });

  it('decides coverage from the automation’s team at the time of use, even when a list was not brought up to date', async () => {
    const slug = 'card-dispute-evidence';
    expect(
      (await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, riskDomains: [] }) })).errors,
    ).toBeUndefined();
    const token = await createToken(t.api, cookies.omar, {
      name: 'disputes worker',
      team: 'finance-ops',
      automations: [slug],
      capabilities: ['ingest', 'dead_letters', 'commands'],
    });
    const failed = deadLetter(slug, { source: { kind: 'sdk', queue: `${slug}.failed` } });
    expect((await ingest(t.api, token.secret, [failed])).body.accepted).toBe(1);
    const [letter] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [(failed as { messageId: string }).messageId]);
    const started = await as<{ startReprocess: { id: string } }>('otto', `mutation($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`, {
      input: { action: 'reprocess', selection: { ids: [letter?.id] }, reason: 'evidence uploaded again', velocity: 10 },
    });
    await eventually(
      () => t.db.query(`SELECT 1 FROM reprocess_item WHERE request_id = $1::bigint AND state = 'dispatched'`, [started.data?.startReprocess.id]),
      (rows) => rows.length === 1,
      'the command offered to SDK runtimes',
    );

    // As another replica still on the old code would move it: the automation changes team, the token's list stays as it was.
    await t.db.query(`UPDATE automation SET owner_team = 'order-ops' WHERE slug = $1`, [slug]);
    expect((await tokensOf('omar', 'finance-ops')).find((listed) => listed.id === token.id)?.automations).toEqual([slug]);

    expect((await ingest(t.api, token.secret, attempt(slug))).status).toBe(403);
    expect((await commands(t.api.url, token.secret, 'claim', { max: 100, automations: [slug] })).body).toEqual({ commands: [] });
  });

  it('refuses a token for an empty list of automations: every automation is asked for by leaving the list out', async () => {
    const empty = await as('omar', `mutation { createRuntimeToken(input: { name: "nothing", team: "finance-ops", automations: [] }) { token { id } } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'automations', message: 'name at least one automation of team finance-ops, or leave automations out for every automation of the team', found: '[]' },
    ]);
    const all = await as<{ createRuntimeToken: { token: ListedToken } }>(
      'omar',
      `mutation { createRuntimeToken(input: { name: "all of finance", team: "finance-ops" }) { token { id allAutomations automations } } }`,
    );
    expect(all.data?.createRuntimeToken.token).toMatchObject({ allAutomations: true, automations: [] });
  });
});
