import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCatalogFile } from '@roundhouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { createTestDatabase, startTestApi, useTestApi } from '../../test/harness.js';
import { AutomationsService } from '../automations/automations.service.js';
import { RuntimeBindingCheck } from '../runtimes/binding-check.js';
import { CatalogInvalidError } from './catalog.errors.js';
import { CatalogService } from './catalog.service.js';

const TEAM = `apiVersion: roundhouse.dev/v1
kind: Team
metadata: { name: finance-ops, title: Finance Operations }
spec: { email: finance-ops@northwind.example }
`;

const GROUP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: order-ops
  description: Order operations
  annotations: { backstage.io/managed-by-location: "url:https://git.example/org.yaml" }
spec:
  type: team
  profile: { displayName: Order Operations, email: order-ops@northwind.example }
  parent: operations
  children: []
  members: [user:default/jo]
`;

function automation(slug: string, extra = ''): string {
  return `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: ${slug}
  title: Automation ${slug}
  description: Does ${slug}.
spec:
  type: automation
  lifecycle: production
  owner: finance-ops
  onCall: { name: Finance ops primary }
  runbooks:
    - id: triage
      title: Triage
      path: runbooks/${slug}.md
${extra}`;
}

/** A catalog folder of its own for each test, laid out like catalog/. */
async function catalogDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-catalog-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe(CatalogService.name, () => {
  const t = useTestApi();
  let catalog: CatalogService;
  const dirs: string[] = [];

  async function apply(files: Record<string, string | Uint8Array>) {
    const dir = await catalogDir(files);
    dirs.push(dir);
    return catalog.apply(dir, dir);
  }

  beforeAll(() => {
    catalog = t.api.app.get(CatalogService);
  });

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('applies the shipped catalog: 8+ automations across 4+ teams, and re-applying changes nothing', async () => {
    const root = t.api.config.repositoryRoot;
    const first = await catalog.apply(path.join(root, 'catalog'), root);
    expect(first.automations.created).toBeGreaterThanOrEqual(8);
    const owners = await t.db.query<{ count: number }>(`SELECT count(DISTINCT owner_team)::int AS count FROM automation WHERE source = 'file'`);
    expect(owners[0]?.count).toBeGreaterThanOrEqual(4);
    const again = await catalog.apply(path.join(root, 'catalog'), root);
    expect(again.automations).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(again.teams).toMatchObject({ created: 0, updated: 0, archived: 0 });
  });

  it('refuses the whole apply when one file is wrong, naming file, line, field, found and allowed', async () => {
    await apply({ 'teams/finance.yaml': TEAM, 'automations/a.yaml': automation('alpha'), 'runbooks/alpha.md': '# Alpha\n' });
    const before = await t.db.query(`SELECT slug, updated_at FROM automation ORDER BY slug`);
    const broken = automation('beta').replace('lifecycle: production', 'lifecycle: live');
    const error = await apply({
      'teams/finance.yaml': TEAM,
      'automations/a.yaml': automation('alpha', '  systems: [netsuite]\n'),
      'automations/b.yaml': broken,
      'runbooks/alpha.md': '# Alpha\n',
      'runbooks/beta.md': '# Beta\n',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect((error as CatalogInvalidError).problems).toEqual([
      { file: 'automations/b.yaml', line: 9, field: 'spec.lifecycle', found: '"live"', allowed: 'one of experimental, production, deprecated' },
    ]);
    expect(await t.db.query(`SELECT slug, updated_at FROM automation ORDER BY slug`)).toEqual(before);
  });

  it('refuses a runtime binding that names Roundhouse’s own settings, an unlisted variable or a webhook on an internal address', async () => {
    const binding = (runtime: string) => automation('epsilon', `  runtime:\n${runtime}`);
    const files = (runtime: string) => ({ 'teams/finance.yaml': TEAM, 'automations/e.yaml': binding(runtime), 'runbooks/epsilon.md': '# Epsilon\n' });
    const error = await apply(
      files('    kind: webhook\n    reprocessUrl: http://169.254.169.254/latest/meta-data/\n    signingSecret: ROUNDHOUSE_SESSION_SECRET\n    connection: AWS_SECRET_ACCESS_KEY\n'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogInvalidError);
    const allowed =
      "the name of an environment variable set aside for runtimes: one starting with ROUNDHOUSE_RUNTIME_ (e.g. ROUNDHOUSE_RUNTIME_INVOICES_RABBITMQ_URL), or one the operator lists in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES; never one of Roundhouse's own settings";
    expect((error as CatalogInvalidError).problems).toEqual([
      {
        file: 'automations/e.yaml',
        line: 20,
        field: 'spec.runtime.connection',
        found: '"AWS_SECRET_ACCESS_KEY", which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES',
        allowed,
      },
      { file: 'automations/e.yaml', line: 19, field: 'spec.runtime.signingSecret', found: `"ROUNDHOUSE_SESSION_SECRET", one of Roundhouse's own settings`, allowed },
      {
        file: 'automations/e.yaml',
        line: 18,
        field: 'spec.runtime.reprocessUrl',
        found: '169.254.169.254, a link-local address (where cloud metadata services answer)',
        allowed: 'a URL whose host has a public address, or one ROUNDHOUSE_OUTBOUND_ALLOW names',
      },
    ]);
    expect(await t.db.query(`SELECT slug FROM automation WHERE slug = 'epsilon'`)).toEqual([]);

    // The runtimes' own variables and a public webhook apply.
    await apply(files('    kind: webhook\n    reprocessUrl: https://hooks.northwind.example/epsilon\n    signingSecret: ROUNDHOUSE_RUNTIME_EPSILON_SECRET\n'));
    expect(await t.db.query(`SELECT runtime->>'signingSecret' AS secret FROM automation WHERE slug = 'epsilon'`)).toEqual([{ secret: 'ROUNDHOUSE_RUNTIME_EPSILON_SECRET' }]);
  });

  it('refuses two automations whose bindings name the same OpenTelemetry service.name, naming both, in the files or against the console', async () => {
    const otel = (slug: string, service: string) => automation(slug, `  runtime:\n    kind: other\n    serviceName: ${service}\n`);
    const dir = await catalogDir({
      'teams/finance.yaml': TEAM,
      'automations/zeta.yaml': otel('zeta', 'ledger-sync'),
      'automations/eta.yaml': otel('eta', 'ledger-sync'),
      'runbooks/zeta.md': '# Zeta\n',
      'runbooks/eta.md': '# Eta\n',
    });
    dirs.push(dir);
    const problem = (file: string) => ({
      file,
      line: 18,
      field: 'spec.runtime.serviceName',
      found: '"ledger-sync", named by the runtime bindings of both eta and zeta',
      allowed: 'a service.name no other automation’s runtime binding names: spans sent to /v1/traces from a shared service.name could not say which automation ran',
    });
    // `catalog validate` (no database) and apply say the same.
    expect((await CatalogService.validate(dir, dir, t.api.app.get(RuntimeBindingCheck))).problems).toEqual([problem('automations/eta.yaml'), problem('automations/zeta.yaml')]);
    const error = await catalog.apply(dir, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect((error as CatalogInvalidError).problems).toEqual([problem('automations/eta.yaml'), problem('automations/zeta.yaml')]);
    expect(await t.db.query(`SELECT slug FROM automation WHERE slug IN ('eta', 'zeta')`)).toEqual([]);

    // An automation registered in the console already names it: the file naming it too is refused.
    await apply({ 'teams/finance.yaml': TEAM });
    const admin = { id: 'ada', name: 'Ada', role: 'admin' as const, teams: [] };
    await t.api.app.get(AutomationsService).register(automationInput({ slug: 'theta-console', runtime: { kind: 'other', serviceName: 'ledger-sync' } }), admin);
    const against = await apply({ 'teams/finance.yaml': TEAM, 'automations/zeta.yaml': otel('zeta', 'ledger-sync'), 'runbooks/zeta.md': '# Zeta\n' }).catch((e: unknown) => e);
    expect((against as CatalogInvalidError).problems).toEqual([
      { ...problem('automations/zeta.yaml'), found: '"ledger-sync", named by the runtime bindings of both theta-console and zeta' },
    ]);
    // Its own service.name applies.
    await apply({ 'teams/finance.yaml': TEAM, 'automations/zeta.yaml': otel('zeta', 'ledger-sync-files'), 'runbooks/zeta.md': '# Zeta\n' });
    expect(await t.db.query(`SELECT runtime->>'serviceName' AS service FROM automation WHERE slug = 'zeta'`)).toEqual([{ service: 'ledger-sync-files' }]);
  });

  it('names a missing runbook file and an owner that is no team', async () => {
    const error = (await apply({
      'teams/finance.yaml': TEAM,
      'automations/c.yaml': automation('gamma').replace('owner: finance-ops', 'owner: nobody'),
    }).catch((e: unknown) => e)) as CatalogInvalidError;
    expect(error.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(['automations/c.yaml:10 spec.owner', 'automations/c.yaml:15 spec.runbooks[0].path']);
  });

  it('refuses a runbook file the database cannot keep (a NUL, bytes that are not UTF-8) with its file, line and column, once per shared file', async () => {
    const shared = (slug: string) => automation(slug).replace(`path: runbooks/${slug}.md`, 'path: runbooks/shared.md');
    const error = await apply({
      'teams/finance.yaml': TEAM,
      'automations/a.yaml': shared('alpha'),
      'automations/b.yaml': shared('beta'),
      'automations/c.yaml': automation('gamma'),
      'runbooks/shared.md': '# Shared\n\nStep one \u0000 then two\n',
      'runbooks/gamma.md': Buffer.from([...Buffer.from('# Gamma\n\nCaf'), 0xe9, ...Buffer.from(' au lait\n')]),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect((error as CatalogInvalidError).problems).toEqual([
      {
        file: 'runbooks/shared.md',
        line: 3,
        column: 10,
        field: '(file)',
        found: 'a NUL character (\\u0000)',
        allowed: 'Markdown without NUL characters (the database cannot keep it)',
      },
      { file: 'runbooks/gamma.md', line: 3, column: 4, field: '(file)', found: 'bytes that are not UTF-8', allowed: 'a UTF-8 text file (save it as UTF-8)' },
    ]);
    expect(await t.db.query(`SELECT slug FROM automation WHERE slug IN ('alpha', 'beta', 'gamma') AND archived_at IS NULL AND runbooks::text LIKE '%Shared%'`)).toEqual([]);
  });

  it('archives entities that leave the files instead of deleting them, and brings them back', async () => {
    const both = {
      'teams/finance.yaml': TEAM,
      'automations/a.yaml': automation('alpha'),
      'automations/d.yaml': automation('delta'),
      'runbooks/alpha.md': '#',
      'runbooks/delta.md': '#',
    };
    await apply(both);
    const { 'automations/d.yaml': _gone, ...withoutDelta } = both;
    expect((await apply(withoutDelta)).automations.archived).toBe(1);
    const [row] = await t.db.query<{ archived_at: Date | null }>(`SELECT archived_at FROM automation WHERE slug = 'delta'`);
    expect(row?.archived_at).toBeInstanceOf(Date);
    await apply(both);
    const [back] = await t.db.query<{ archived_at: Date | null }>(`SELECT archived_at FROM automation WHERE slug = 'delta'`);
    expect(back?.archived_at).toBeNull();
  });

  it('reads a Backstage Group unchanged as a team', async () => {
    await apply({ 'teams/finance.yaml': TEAM, 'teams/org.yaml': GROUP, 'automations/a.yaml': automation('alpha'), 'runbooks/alpha.md': '#' });
    const [team] = await t.db.query<{ title: string; email: string; members: string[] }>(`SELECT title, email, members FROM team WHERE name = 'order-ops'`);
    expect(team).toEqual({ title: 'Order Operations', email: 'order-ops@northwind.example', members: ['jo'] });
  });

  it('exports a console automation as YAML that validates and re-applies to the identical definition', async () => {
    const service = t.api.app.get(AutomationsService);
    await apply({ 'teams/finance.yaml': TEAM, 'automations/a.yaml': automation('alpha'), 'runbooks/alpha.md': '#' });
    const admin = { id: 'ada', name: 'Ada', role: 'admin' as const, teams: [] };
    const original = await service.register(automationInput({ slug: 'round-trip' }), admin);
    const yaml = await service.exportYaml('round-trip');
    expect(parseCatalogFile(yaml, 'round-trip.yaml').problems).toEqual([]);

    // Apply the export into a second, empty database: the definition must come back the same.
    const other = await createTestDatabase();
    const otherApi = await startTestApi(other.url);
    try {
      const dir = await catalogDir({ 'teams/finance.yaml': TEAM, 'automations/round-trip.yaml': yaml });
      dirs.push(dir);
      await otherApi.app.get(CatalogService).apply(dir, dir);
      const copy = await otherApi.app.get(AutomationsService).get('round-trip', admin);
      const definition = (a: typeof original) => {
        const { source: _s, sourceFile: _f, createdAt: _c, updatedAt: _u, canEdit: _e, editBlockedReason: _r, owner, ...rest } = a;
        return { ...rest, owner: owner.name };
      };
      expect(definition(copy)).toEqual(definition(original));
    } finally {
      await otherApi.close();
      await other.drop();
    }
  });
});
