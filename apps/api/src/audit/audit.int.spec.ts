import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { useTestApi, type GraphQLResult } from '../../test/harness.js';
import { createToken } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DashboardsService } from '../dashboards/dashboards.service.js';
import { AuditService } from './audit.service.js';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  actorKind: string;
  action: string;
  targetKind: string;
  targetId: string;
  automations: string[];
  teams: string[];
  reason: string | null;
  before: string | null;
  after: string | null;
  detail: string;
}

interface Connection {
  auditEntries: { edges: { cursor: string; node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const ENTRIES = `query Entries($filter: AuditFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at actor { id name } actorKind action targetKind targetId automations teams reason before after detail } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REGISTER = `mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`;
const UPDATE = `mutation Update($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug } }`;
const ARCHIVE = `mutation Archive($slug: String!) { archiveAutomation(slug: $slug) { slug } }`;
const ACKNOWLEDGE = `mutation Ack($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { state } }`;

describe(AuditService.name, () => {
  const t = useTestApi();
  let ada: string;
  let omar: string;
  let otto: string;
  let vera: string;

  const applyShippedCatalog = () => t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);

  async function entries(cookie: string, filter: Record<string, unknown> = {}, first = 200): Promise<Entry[]> {
    const result = await t.api.graphql<Connection>(ENTRIES, { filter, first }, cookie);
    expect(result.errors).toBeUndefined();
    return result.data?.auditEntries.edges.map((e) => e.node) ?? [];
  }

  async function exportOf(cookie: string, query = ''): Promise<Response> {
    return fetch(`${t.api.url}/audit/export.csv${query}`, { headers: { cookie } });
  }

  beforeAll(async () => {
    await applyShippedCatalog();
    [ada, omar, otto, vera] = await Promise.all([t.api.signIn('ada'), t.api.signIn('omar'), t.api.signIn('otto'), t.api.signIn('vera')]);
  });

  it('records registering, updating and archiving an automation with the definition before and after', async () => {
    const input = automationInput({ slug: 'audited-bills' });
    expect((await t.api.graphql(REGISTER, { input }, omar)).errors).toBeUndefined();
    expect((await t.api.graphql(UPDATE, { slug: 'audited-bills', input: { ...input, title: 'Vendor bills, audited' } }, omar)).errors).toBeUndefined();
    expect((await t.api.graphql(ARCHIVE, { slug: 'audited-bills' }, omar)).errors).toBeUndefined();

    const [archived, updated, registered] = await entries(omar, { automation: 'audited-bills' });
    expect([archived?.action, updated?.action, registered?.action]).toEqual(['automation.archived', 'automation.updated', 'automation.registered']);
    for (const entry of [archived, updated, registered]) {
      expect(entry).toMatchObject({ actor: { id: 'omar', name: 'Omar Owner' }, actorKind: 'person', targetKind: 'automation', targetId: 'audited-bills', teams: ['finance-ops'] });
    }
    expect(registered?.before).toBeNull();
    expect(JSON.parse(registered?.after ?? 'null')).toMatchObject({ slug: 'audited-bills', title: 'Vendor bill capture', ownerTeam: 'finance-ops' });
    expect(JSON.parse(updated?.before ?? 'null')).toMatchObject({ title: 'Vendor bill capture' });
    expect(JSON.parse(updated?.after ?? 'null')).toMatchObject({ title: 'Vendor bills, audited', kpis: [{ name: 'touches' }] });
    expect(JSON.parse(archived?.before ?? 'null')).toEqual({ archivedAt: null });
    const after = JSON.parse(archived?.after ?? 'null') as { archivedAt: string | null };
    expect(Date.parse(after.archivedAt ?? '')).not.toBeNaN();
  });

  it('records an acknowledged alert with its note, once', async () => {
    const [alert] = await t.db.query<{ id: string }>(
      `INSERT INTO alert (automation_slug, slo, rule, severity, state, summary, fired_at, last_evaluated_at)
       VALUES ('invoice-generation', 'invoices-succeed', 'fast-burn', 'page', 'firing', 'Burning budget fast', now(), now()) RETURNING id::text AS id`,
    );
    const note = '=SUM(1,2) looking at it, see the runbook';
    expect((await t.api.graphql(ACKNOWLEDGE, { id: alert?.id, note }, otto)).errors).toBeUndefined();
    expect((await t.api.graphql(ACKNOWLEDGE, { id: alert?.id, note: 'again' }, otto)).errors).toBeUndefined();

    const acknowledged = await entries(otto, { action: 'alert.' });
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toMatchObject({
      action: 'alert.acknowledged',
      actor: { id: 'otto' },
      targetKind: 'alert',
      targetId: alert?.id,
      automations: ['invoice-generation'],
      teams: ['finance-ops'],
      reason: note,
    });
    expect(JSON.parse(acknowledged[0]?.after ?? 'null')).toMatchObject({ state: 'acknowledged' });
  });

  it('records a catalog or dashboards apply that changed something, by Roundhouse, and nothing when nothing changed', async () => {
    const applies = await entries(ada, { action: 'catalog.applied' });
    expect(applies).toHaveLength(1);
    expect(applies[0]).toMatchObject({ actor: { id: 'roundhouse', name: 'Roundhouse' }, actorKind: 'system', targetKind: 'catalog', targetId: 'catalog' });
    const detail = JSON.parse(applies[0]?.detail ?? '{}') as { automations: { created: string[] }; teams: { created: string[] } };
    expect(detail.automations.created).toContain('invoice-generation');
    expect(detail.teams.created).toContain('finance-ops');

    await applyShippedCatalog();
    expect(await entries(ada, { action: 'catalog.applied' })).toHaveLength(1);

    const root = t.api.config.repositoryRoot;
    await t.api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
    await t.api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
    const dashboards = await entries(ada, { action: 'dashboards.applied' });
    expect(dashboards).toHaveLength(1);
    const changed = JSON.parse(dashboards[0]?.detail ?? '{}') as { created: string[]; updated: string[]; deleted: string[] };
    expect(changed.created).toContain('order-operations');
    expect([changed.updated, changed.deleted]).toEqual([[], []]);
  });

  it('pages newest first without repeating or skipping an entry, and filters by action, actor and time', async () => {
    const all = await entries(ada);
    expect(all.length).toBeGreaterThan(4);
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResult<Connection> = await t.api.graphql<Connection>(ENTRIES, { first: 2, after }, ada);
      paged.push(...(page.data?.auditEntries.edges.map((e) => e.node.id) ?? []));
      after = page.data?.auditEntries.pageInfo.hasNextPage === true ? page.data.auditEntries.pageInfo.endCursor : null;
    } while (after !== null);
    expect(paged).toEqual(all.map((e) => e.id));

    expect((await entries(ada, { action: 'automation.' })).map((e) => e.action)).toEqual(['automation.archived', 'automation.updated', 'automation.registered']);
    expect((await entries(ada, { actor: 'Otto Operator' })).map((e) => e.action)).toEqual(['alert.acknowledged']);
    expect(await entries(ada, { from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);

    const backwards = await t.api.graphql(ENTRIES, { filter: { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' } }, ada);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'to', message: 'must be after from' }] });
    const huge = await t.api.graphql(`{ auditEntries(first: 201) { pageInfo { hasNextPage } } }`, {}, ada);
    expect(huge.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('first');
    const badCursor = await t.api.graphql(ENTRIES, { after: 'not-a-cursor' }, ada);
    expect(badCursor.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('after');
  });

  it('shows operators and owners their own teams’ entries only, refuses another team’s, and refuses viewers', async () => {
    expect((await t.api.graphql(REGISTER, { input: automationInput({ slug: 'support-triage', owner: 'support-engineering' }) }, ada)).errors).toBeUndefined();

    const omars = await entries(omar);
    expect(omars.some((e) => e.automations.includes('audited-bills'))).toBe(true);
    // Catalog applies concern every team they touched; console changes only the automation's team.
    expect(omars.filter((e) => e.targetKind === 'automation').every((e) => e.teams.includes('finance-ops'))).toBe(true);
    expect(omars.some((e) => e.automations.includes('support-triage'))).toBe(false);
    expect((await entries(ada)).some((e) => e.targetId === 'support-triage')).toBe(true);
    expect((await entries(omar, { team: 'finance-ops' })).length).toBeGreaterThan(0);

    for (const filter of [{ team: 'support-engineering' }, { automation: 'support-triage' }]) {
      const refused = await t.api.graphql(ENTRIES, { filter }, omar);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain('your own teams only (finance-ops)');
    }
    const viewer = await t.api.graphql(ENTRIES, {}, vera);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('scopes the trail beside reprocess pages (a request, an automation’s dead letters) like any other: own teams for operators and owners, none for viewers', async () => {
    for (const [id, slug] of [
      ['901', 'invoice-generation'],
      ['902', 'order-fulfillment'],
    ]) {
      await t.db.query(
        `INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, automations, reason) VALUES ('ada', 'Ada Admin', 'reprocess.requested', 'reprocess_request', $1, ARRAY[$2], 'replay')`,
        [id, slug],
      );
    }
    const trail = async (cookie: string, scope: { automation: string } | { targetId: string }) =>
      (await entries(cookie, { targetKind: 'reprocess_request', ...scope })).map((e) => e.targetId);
    expect(await trail(omar, { automation: 'invoice-generation' })).toEqual(['901']);
    expect(await trail(otto, { targetId: '901' })).toEqual(['901']);
    expect(await trail(ada, { targetId: '902' })).toEqual(['902']);
    expect(await trail(omar, { targetId: '902' })).toEqual([]);
    const viewer = await t.api.graphql(ENTRIES, { filter: { targetKind: 'reprocess_request', automation: 'invoice-generation' } }, vera);
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('exports the trail as CSV within the same scope, with formula cells made safe', async () => {
    const response = await exportOf(otto, '?team=finance-ops');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="roundhouse-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('at,actor,actor kind,action,target kind,target id,automations,teams,reason,before,after,detail');
    expect(lines.find((line) => line.includes('alert.acknowledged'))).toContain(`,"'=SUM(1,2) looking at it, see the runbook",`);
    expect(lines.some((line) => line.includes('support-triage'))).toBe(false);
    expect(lines.filter((line) => /,automation\.(registered|updated|archived),/.test(line))).toHaveLength(3);

    const ndjson = await exportOf(ada, '?action=automation.archived&format=ndjson');
    const rows = (await ndjson.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; target: { id: string } });
    expect(rows).toEqual([expect.objectContaining({ action: 'automation.archived', target: { kind: 'automation', id: 'audited-bills' } })]);

    expect((await exportOf(vera)).status).toBe(403);
    expect((await exportOf(omar, '?team=support-engineering')).status).toBe(403);
    const badDate = await exportOf(omar, '?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ error: { fields: [{ path: 'from' }] } });
  });

  it('keeps secrets out of every entry', async () => {
    const token = await createToken(t.api, omar, { team: 'finance-ops' });
    const everything = await (await exportOf(ada, '?format=ndjson')).text();
    expect(everything).not.toContain(token.secret);
    expect(everything).not.toMatch(/password|secret_hash|"hash"/i);
  });
});
