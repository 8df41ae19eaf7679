import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { useTestApi } from '../../test/harness.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { AutomationsService } from './automations.service.js';

const FIELDS = `slug title lifecycle type owner { name title } source sourceFile canEdit editBlockedReason archivedAt
  kpis { name baseline { value note } target direction } runbooks { id markdown } slos { name indicator objective window runbook }`;

const REGISTER = `mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation Update($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation Archive($slug: String!) { archiveAutomation(slug: $slug) { slug archivedAt } }`;
const GET = `query Get($slug: String!) { automation(slug: $slug) { ${FIELDS} } }`;
const SEARCH = `query Search($filter: AutomationFilter, $first: Int, $after: String) {
  automations(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug title } } }
}`;

interface SearchResult {
  automations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { slug: string; title: string } }[] };
}

describe(AutomationsService.name, () => {
  const t = useTestApi();
  let owner: string;
  let viewer: string;
  let admin: string;

  beforeAll(async () => {
    // The shipped catalog gives the teams (finance-ops among them) and file-managed automations.
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    [owner, viewer, admin] = await Promise.all([t.api.signIn('omar'), t.api.signIn('vera'), t.api.signIn('ada')]);
  });

  it('refuses every query without a session', async () => {
    const result = await t.api.graphql(SEARCH, {});
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an owner register an automation that a viewer then finds by search and opens', async () => {
    const registered = await t.api.graphql<{ registerAutomation: { slug: string; source: string; canEdit: boolean } }>(REGISTER, { input: automationInput() }, owner);
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerAutomation).toMatchObject({ slug: 'vendor-bill-capture', source: 'console', canEdit: true });

    const found = await t.api.graphql<SearchResult>(SEARCH, { filter: { search: 'vendor bil' } }, viewer);
    expect(found.data?.automations.edges.map((e) => e.node.slug)).toEqual(['vendor-bill-capture']);

    const opened = await t.api.graphql<{ automation: { owner: { name: string }; canEdit: boolean; editBlockedReason: string; kpis: { baseline: { value: number } }[] } }>(
      GET,
      { slug: 'vendor-bill-capture' },
      viewer,
    );
    expect(opened.data?.automation.owner.name).toBe('finance-ops');
    expect(opened.data?.automation.kpis[0]?.baseline.value).toBe(60);
    expect(opened.data?.automation.canEdit).toBe(false);
    expect(opened.data?.automation.editBlockedReason).toContain('viewer');
  });

  it('names every invalid field with its path, what was found and what is allowed', async () => {
    const input = automationInput({
      slug: 'Bad Slug',
      lifecycle: 'production',
      kpis: [{ ...automationInput().kpis![0]!, baseline: { note: 'no value and no period' } }],
      slos: [{ name: 'fast', title: 'Fast', indicator: 'latency', objective: 95, window: '30d', runbook: 'nope' }],
    });
    const result = await t.api.graphql(REGISTER, { input }, owner);
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = error?.extensions?.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['slug', 'kpis[0].baseline.value', 'slos[0].threshold', 'slos[0].runbook']));
    const slug = error?.extensions?.fields?.find((f) => f.path === 'slug');
    expect(slug?.found).toBe('"Bad Slug"');
    expect(slug?.allowed).toContain('lower-case');
    const missing = await t.api.graphql<{ automation: unknown }>(GET, { slug: 'bad-slug' }, owner);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Production SLOs must name the runbook that answers their alerts.
    const noRunbook = automationInput({
      slug: 'no-runbook',
      lifecycle: 'production',
      slos: [{ name: 'ok', title: 'Runs succeed', indicator: 'success_rate', objective: 99, window: '30d' }],
    });
    const refused = await t.api.graphql(REGISTER, { input: noRunbook }, owner);
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'slos[0].runbook', message: expect.stringContaining("a production automation's SLO needs a runbook") as string }),
    ]);
  });

  it('answers a duplicate slug with CONFLICT on the slug field', async () => {
    const input = automationInput({ slug: 'duplicate-check', title: 'Duplicate check' });
    expect((await t.api.graphql(REGISTER, { input }, owner)).errors).toBeUndefined();
    const again = await t.api.graphql(REGISTER, { input }, owner);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('slug');
  });

  it('refuses a binding naming a service.name another automation’s binding names, naming both, on register and on update', async () => {
    const otel = (slug: string, serviceName: string) => automationInput({ slug, title: slug, runtime: { kind: 'other', serviceName } });
    expect((await t.api.graphql(REGISTER, { input: otel('ledger-export', 'ledger-worker') }, owner)).errors).toBeUndefined();
    const refused = await t.api.graphql(REGISTER, { input: otel('ledger-import', 'ledger-worker') }, owner);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'runtime.serviceName', found: '"ledger-worker", named by the runtime bindings of both ledger-export and ledger-import' }),
    ]);
    expect((await t.api.graphql(GET, { slug: 'ledger-import' }, owner)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Registered with a service.name of its own, it may not take the other's by an edit; keeping its own is fine.
    expect((await t.api.graphql(REGISTER, { input: otel('ledger-import', 'ledger-importer') }, owner)).errors).toBeUndefined();
    const taken = await t.api.graphql(UPDATE, { slug: 'ledger-import', input: otel('ledger-import', 'ledger-worker') }, owner);
    expect(taken.errors?.[0]?.extensions?.fields?.[0]?.found).toBe('"ledger-worker", named by the runtime bindings of both ledger-export and ledger-import');
    expect((await t.api.graphql(UPDATE, { slug: 'ledger-import', input: { ...otel('ledger-import', 'ledger-importer'), title: 'Ledger import' } }, owner)).errors).toBeUndefined();
  });

  it('answers an unknown slug with NOT_FOUND', async () => {
    const result = await t.api.graphql(GET, { slug: 'no-such-automation' }, viewer);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
  });

  it('keeps viewers from registering and owners to their own teams', async () => {
    const asViewer = await t.api.graphql(REGISTER, { input: automationInput({ slug: 'viewer-try' }) }, viewer);
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherTeam = await t.api.graphql(REGISTER, { input: automationInput({ slug: 'other-team', owner: 'order-ops' }) }, owner);
    expect(otherTeam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asAdmin = await t.api.graphql(REGISTER, { input: automationInput({ slug: 'other-team', owner: 'order-ops' }) }, admin);
    expect(asAdmin.errors).toBeUndefined();
    const ownerEditsOther = await t.api.graphql(UPDATE, { slug: 'other-team', input: automationInput({ slug: 'other-team', owner: 'order-ops' }) }, owner);
    expect(ownerEditsOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates a console automation but not its slug', async () => {
    await t.api.graphql(REGISTER, { input: automationInput({ slug: 'to-update', title: 'To update' }) }, owner);
    const updated = await t.api.graphql<{ updateAutomation: { lifecycle: string; title: string } }>(
      UPDATE,
      { slug: 'to-update', input: automationInput({ slug: 'to-update', title: 'Updated title', lifecycle: 'production' }) },
      owner,
    );
    expect(updated.data?.updateAutomation).toMatchObject({ title: 'Updated title', lifecycle: 'production' });
    const renamed = await t.api.graphql(UPDATE, { slug: 'to-update', input: automationInput({ slug: 'renamed' }) }, owner);
    expect(renamed.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('slug');
  });

  it('keeps file-managed automations read-only and says to edit the file in Git', async () => {
    const opened = await t.api.graphql<{ automation: { source: string; sourceFile: string; canEdit: boolean; editBlockedReason: string } }>(
      GET,
      { slug: 'invoice-generation' },
      admin,
    );
    expect(opened.data?.automation).toMatchObject({ source: 'file', sourceFile: 'catalog/automations/invoice-generation.yaml', canEdit: false });
    const result = await t.api.graphql(UPDATE, { slug: 'invoice-generation', input: automationInput({ slug: 'invoice-generation' }) }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('FILE_MANAGED');
    expect(result.errors?.[0]?.message).toContain('catalog/automations/invoice-generation.yaml');
    expect((await t.api.graphql(ARCHIVE, { slug: 'invoice-generation' }, admin)).errors?.[0]?.extensions?.code).toBe('FILE_MANAGED');
  });

  it('archives: gone from the catalog, still there with includeArchived', async () => {
    await t.api.graphql(REGISTER, { input: automationInput({ slug: 'short-lived', title: 'Short lived' }) }, owner);
    const archived = await t.api.graphql<{ archiveAutomation: { archivedAt: string | null } }>(ARCHIVE, { slug: 'short-lived' }, owner);
    expect(archived.data?.archiveAutomation.archivedAt).not.toBeNull();
    const active = await t.api.graphql<SearchResult>(SEARCH, { filter: { search: 'short lived' } }, viewer);
    expect(active.data?.automations.totalCount).toBe(0);
    const all = await t.api.graphql<SearchResult>(SEARCH, { filter: { search: 'short lived', includeArchived: true } }, viewer);
    expect(all.data?.automations.edges.map((e) => e.node.slug)).toEqual(['short-lived']);
  });

  it('filters by owner, lifecycle, type, tag, system and risk domain', async () => {
    await t.api.graphql(
      REGISTER,
      { input: automationInput({ slug: 'filter-me', title: 'Filter me', type: 'integration', tags: ['rare-tag'], systems: ['coupa'], riskDomains: ['regulatory'] }) },
      owner,
    );
    const cases: [Record<string, unknown>, boolean][] = [
      [{ tag: 'rare-tag' }, true],
      [{ system: 'coupa' }, true],
      [{ riskDomain: 'regulatory', owner: 'finance-ops', type: 'integration' }, true],
      [{ lifecycle: 'experimental', tag: 'rare-tag' }, true],
      [{ lifecycle: 'production', tag: 'rare-tag' }, false],
      [{ owner: 'order-ops', tag: 'rare-tag' }, false],
    ];
    for (const [filter, included] of cases) {
      const result = await t.api.graphql<SearchResult>(SEARCH, { filter }, viewer);
      expect(
        result.data?.automations.edges.some((e) => e.node.slug === 'filter-me'),
        JSON.stringify(filter),
      ).toBe(included);
    }
  });

  it('pages through the whole catalog in a stable order, each automation exactly once', async () => {
    const all = await t.api.graphql<SearchResult>(SEARCH, { first: 100 }, viewer);
    const expected = all.data?.automations.edges.map((e) => e.node.slug) ?? [];
    expect(expected.length).toBeGreaterThan(8);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result: Awaited<ReturnType<typeof t.api.graphql<SearchResult>>> = await t.api.graphql<SearchResult>(SEARCH, { first: 3, after }, viewer);
      seen.push(...(result.data?.automations.edges.map((e) => e.node.slug) ?? []));
      if (result.data?.automations.pageInfo.hasNextPage !== true) {
        break;
      }
      after = result.data.automations.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const bad = await t.api.graphql(SEARCH, { first: 3, after: 'not-a-cursor' }, viewer);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
