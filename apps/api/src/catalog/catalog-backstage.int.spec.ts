import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  entitySchemaValidator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { formatNote } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BACKSTAGE_ORG as ORG, useCatalogFolders } from '../../test/catalog-folders.js';
import { automationInput } from '../../test/fixtures.js';
import { createTestDatabase, startTestApi, useTestApi } from '../../test/harness.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AutomationsService } from '../automations/automations.service.js';
import { RuntimeBindingCheck } from '../runtimes/binding-check.js';
import { NotAllowedError } from '../errors/domain-errors.js';
import { CatalogInvalidError } from './catalog.errors.js';
import { CatalogService } from './catalog.service.js';

const PASSWORD = 'ledger-tulip-orbit-42';

const TEAM = `apiVersion: roundhouse.dev/v1
kind: Team
metadata: { name: finance-ops, title: Finance Operations }
spec: { email: finance-ops@northwind.example }
`;

function automation(slug: string, owner: string, extra = ''): string {
  return `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: ${slug}
  title: Automation ${slug}
  description: Does ${slug}.
spec:
  type: automation
  lifecycle: experimental
  owner: ${owner}
  onCall: { name: Primary }
${extra}`;
}

describe('Backstage org files in the catalog', () => {
  const t = useTestApi();
  let catalog: CatalogService;
  const { catalogWithOrg, tempDir } = useCatalogFolders();

  const applyWithOrg = async (files: Record<string, string>) => {
    const dir = await catalogWithOrg(files);
    return catalog.apply(dir, dir);
  };

  beforeAll(() => {
    catalog = t.api.app.get(CatalogService);
  });

  it('uses fixtures Backstage itself accepts', async () => {
    const kinds = [
      groupEntityV1alpha1Validator,
      userEntityV1alpha1Validator,
      systemEntityV1alpha1Validator,
      domainEntityV1alpha1Validator,
      componentEntityV1alpha1Validator,
      apiEntityV1alpha1Validator,
      locationEntityV1alpha1Validator,
    ];
    const validate = entitySchemaValidator();
    let count = 0;
    for (const file of (await readdir(ORG)).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(await readFile(path.join(ORG, file), 'utf8'))) {
        const entity = validate(doc.toJS());
        // Exactly one of Backstage's kind validators claims each entity, and it throws on a wrong one.
        expect((await Promise.all(kinds.map((kind) => kind.check(entity)))).filter(Boolean)).toHaveLength(1);
        count += 1;
      }
    }
    expect(count).toBe(16);
  });

  it('applies the org folder unchanged: the tree, the members, the namespaces, and one note per entity it skips', async () => {
    const dir = await catalogWithOrg({
      'teams/finance.yaml': TEAM,
      'automations/a.yaml': automation('card-refunds', 'Group:emea/team-a', '  system: order-to-cash\n'),
      'automations/b.yaml': automation('ledger-close', 'default/accounts.receivable'),
    });
    const summary = await catalog.apply(dir, dir);

    expect(summary.notes.map(formatNote)).toEqual([
      'org/catalog-info.yaml:2: skipped Component "payments-service" (backstage.io/v1alpha1): Roundhouse reads Automation, Team, Group, User, System, Domain and leaves other kinds to Backstage',
      'org/catalog-info.yaml:34: skipped API "payments-api" (backstage.io/v1alpha1): Roundhouse reads Automation, Team, Group, User, System, Domain and leaves other kinds to Backstage',
      'org/org.yaml:3: skipped Location "northwind-org" (backstage.io/v1alpha1): Roundhouse reads Automation, Team, Group, User, System, Domain and leaves other kinds to Backstage',
      'org/org.yaml:74: spec.children[0] names the group "storefront", which is not in the catalog: it is left out of the tree',
    ]);
    expect(summary.teams.created).toBe(8);
    expect(summary.people.created).toBe(4);
    expect(summary.systems.created).toBe(2);

    const teams = await t.db.query<{ name: string; title: string; parent: string | null; members: string[] }>(`SELECT name, title, parent, members FROM team ORDER BY name`);
    expect(teams).toEqual([
      { name: 'accounts.receivable', title: 'Accounts Receivable', parent: 'finance', members: ['jenny.doe'] },
      { name: 'commerce', title: 'commerce', parent: 'northwind', members: [] },
      { name: 'emea/team-a', title: 'Team A (EMEA)', parent: null, members: ['emea/sofia'] },
      { name: 'finance', title: 'Finance', parent: 'northwind', members: ['jenny.doe'] },
      { name: 'finance-ops', title: 'Finance Operations', parent: null, members: [] },
      { name: 'northwind', title: 'Northwind Traders', parent: null, members: [] },
      { name: 'payments', title: 'Payments Engineering', parent: 'finance', members: ['amara_okafor', 'jenny.doe', 'lukas'] },
      { name: 'team-a', title: 'Team A', parent: 'commerce', members: [] },
    ]);
    const people = await t.db.query<{ name: string; email: string | null; teams: string[] }>(`SELECT name, email, teams FROM person ORDER BY name`);
    expect(people).toEqual([
      { name: 'amara_okafor', email: 'amara@northwind.example', teams: ['payments'] },
      { name: 'emea/sofia', email: 'sofia@emea.northwind.example', teams: ['emea/team-a'] },
      { name: 'jenny.doe', email: 'jenny-doe@northwind.example', teams: ['accounts.receivable', 'finance', 'payments'] },
      { name: 'lukas', email: null, teams: ['payments'] },
    ]);
    expect(await t.db.query(`SELECT slug, owner_team, system FROM automation ORDER BY slug`)).toEqual([
      { slug: 'card-refunds', owner_team: 'emea/team-a', system: 'order-to-cash' },
      { slug: 'ledger-close', owner_team: 'accounts.receivable', system: null },
    ]);

    // The tree is queryable: each team names its parent, and its Backstage ref.
    const answer = await t.api.graphql<{ teams: { name: string; namespace: string; ref: string; parent: string | null; people: unknown[] }[] }>(
      `{ teams { name namespace ref parent people { name displayName email } } }`,
      {},
      await t.api.signIn('vera'),
    );
    expect(answer.data?.teams.find((team) => team.name === 'emea/team-a')).toMatchObject({ name: 'emea/team-a', namespace: 'emea', ref: 'group:emea/team-a', parent: null });
    expect(answer.data?.teams.find((team) => team.name === 'payments')).toMatchObject({ ref: 'group:default/payments', parent: 'finance' });
    // Each team's members with what their Backstage User says of them.
    expect(answer.data?.teams.find((team) => team.name === 'payments')?.people).toEqual([
      { name: 'amara_okafor', displayName: 'Amara Okafor', email: 'amara@northwind.example' },
      { name: 'jenny.doe', displayName: 'Jenny Doe', email: 'jenny-doe@northwind.example' },
      { name: 'lukas', displayName: 'Lukas Berg', email: null },
    ]);
  });

  it('reads owner refs as Backstage does, and says what is wrong with one it would not accept', async () => {
    const owners = [
      'default/payments',
      'Group:default/payments',
      'group:PAYMENTS',
      'group:emea/team-a',
      'accounts.receivable',
      'user:jenny.doe',
      'group:Emea/team-a',
      'group:nobody',
    ];
    const files = Object.fromEntries(owners.map((owner, index) => [`automations/a${index}.yaml`, automation(`auto-${index}`, owner)]));
    const error = (await applyWithOrg({ ...files, 'teams/finance.yaml': TEAM }).catch((e: unknown) => e)) as CatalogInvalidError;
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect(error.problems.map((p) => `${p.file.replace('automations/', '')}:${p.line} ${p.field}: ${p.found} → ${p.allowed}`)).toEqual([
      'a5.yaml:10 spec.owner: "user:jenny.doe" → a reference to a group, e.g. "group:default/finance-ops" (found a user)',
      'a6.yaml:10 spec.owner: "group:Emea/team-a" → a namespace of 1–63 lower-case letters, digits and dashes, e.g. "default", e.g. "group:default/finance-ops"',
      expect.stringMatching(
        /^a7\.yaml:10 spec\.owner: "nobody" → a team defined in the catalog \(accounts\.receivable, commerce, emea\/team-a, finance, finance-ops, northwind, payments, team-a\)$/,
      ),
    ]);
    const fine = Object.fromEntries(owners.slice(0, 5).map((owner, index) => [`automations/a${index}.yaml`, automation(`auto-${index}`, owner)]));
    await applyWithOrg({ ...fine, 'teams/finance.yaml': TEAM });
    expect(await t.db.query(`SELECT owner_team FROM automation WHERE archived_at IS NULL ORDER BY slug`)).toEqual(
      ['payments', 'payments', 'payments', 'emea/team-a', 'accounts.receivable'].map((owner_team) => ({ owner_team })),
    );
  });

  it('refuses a tree with two parents for one team or a cycle, naming both places', async () => {
    const loop = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments-ops }
spec: { type: team, parent: payments, children: [northwind] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: treasury }
spec: { type: team, children: [accounts.receivable] }
`;
    const error = (await applyWithOrg({ 'teams/loop.yaml': loop }).catch((e: unknown) => e)) as CatalogInvalidError;
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect(error.problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.found}`)).toEqual([
      'teams/loop.yaml:9 spec.children[0]: "treasury" as the parent of "accounts.receivable", whose parent is already "finance" (org/org.yaml:38)',
      'org/org.yaml:37 spec.parent: a cycle: finance → northwind → payments-ops → payments → finance',
    ]);
  });

  it('keeps an automation’s annotations and labels, shows well-known ones as links, and refuses keys Backstage would refuse', async () => {
    const annotated = automation('card-refunds', 'payments', '').replace(
      '  description: Does card-refunds.\n',
      `  description: Does card-refunds.
  annotations:
    pagerduty.com/service-id: PX7R2QZ
    github.com/project-slug: northwind/card-refunds
    grafana/overview-dashboard: https://grafana.northwind.example/d/refunds
    backstage.io/view-url: https://backstage.northwind.example/catalog/default/component/card-refunds
    backstage.io/edit-url: javascript:alert(1)
    backstage.io/source-location: url:https://github.com/northwind/card-refunds/tree/main/
    northwind.example/cost-center: CC-1200
  labels:
    tier: critical
    northwind.example/region: eu-west
`,
    );
    await applyWithOrg({ 'automations/a.yaml': annotated });
    const answer = await t.api.graphql<{ automation: { annotations: unknown[]; labels: unknown[] } }>(
      `query($slug: String!) { automation(slug: $slug) { annotations { key value label url } labels { key value } } }`,
      { slug: 'card-refunds' },
      await t.api.signIn('vera'),
    );
    expect(answer.data?.automation.annotations).toEqual([
      { key: 'backstage.io/edit-url', value: 'javascript:alert(1)', label: null, url: null },
      {
        key: 'backstage.io/source-location',
        value: 'url:https://github.com/northwind/card-refunds/tree/main/',
        label: 'Source',
        url: 'https://github.com/northwind/card-refunds/tree/main/',
      },
      {
        key: 'backstage.io/view-url',
        value: 'https://backstage.northwind.example/catalog/default/component/card-refunds',
        label: 'View in Backstage',
        url: 'https://backstage.northwind.example/catalog/default/component/card-refunds',
      },
      { key: 'github.com/project-slug', value: 'northwind/card-refunds', label: 'GitHub project', url: 'https://github.com/northwind/card-refunds' },
      { key: 'grafana/overview-dashboard', value: 'https://grafana.northwind.example/d/refunds', label: 'Grafana dashboard', url: 'https://grafana.northwind.example/d/refunds' },
      { key: 'northwind.example/cost-center', value: 'CC-1200', label: null, url: null },
      { key: 'pagerduty.com/service-id', value: 'PX7R2QZ', label: 'PagerDuty service', url: 'https://app.pagerduty.com/service-directory/PX7R2QZ' },
    ]);
    expect(answer.data?.automation.labels).toEqual([
      { key: 'northwind.example/region', value: 'eu-west' },
      { key: 'tier', value: 'critical' },
    ]);

    const wrong = annotated.replace('    tier: critical', `    tier: ${'x'.repeat(64)}\n    Bad Key/x: y`);
    const error = (await applyWithOrg({ 'automations/a.yaml': wrong }).catch((e: unknown) => e)) as CatalogInvalidError;
    expect(error).toBeInstanceOf(CatalogInvalidError);
    expect(error.problems.map((p) => `${p.line} ${p.field}: ${p.allowed}`)).toEqual([
      '16 metadata.labels.tier: empty, or 1–63 letters and digits, separated by "-", "_" or ".", e.g. "team-a" or "payments.eu"',
      '17 metadata.labels.Bad Key/x: a key of the form [<DNS subdomain>/]<name>, e.g. "pagerduty.com/service-id" or "tier"',
    ]);
  });

  it('exports the whole catalog as a folder that validates, applies to an empty database and exports again byte for byte', async () => {
    const root = t.api.config.repositoryRoot;
    const dir = await catalogWithOrg({
      'automations/in-system.yaml': automation('ledger-close', 'Group:emea/team-a', '  system: order-to-cash\n').replace(
        '  description: Does ledger-close.\n',
        '  description: Does ledger-close.\n  annotations: { github.com/project-slug: northwind/ledger }\n  labels: { tier: gold }\n',
      ),
    });
    await cp(path.join(root, 'catalog'), dir, { recursive: true });
    const validated = await CatalogService.validate(dir, dir, t.api.app.get(RuntimeBindingCheck));
    expect(validated.problems).toEqual([]);
    await catalog.apply(dir, dir);
    const first = await catalog.exportFolder();

    // The shipped runbook shared by several automations is one file, and each automation names it by path.
    const shared = [...first.keys()].filter((file) => file === 'runbooks/shared/rotate-rabbitmq-credentials.md');
    expect(shared).toHaveLength(1);
    const naming = [...first].filter(([file, text]) => file.startsWith('automations/') && text.includes('path: runbooks/shared/rotate-rabbitmq-credentials.md'));
    expect(naming.length).toBeGreaterThanOrEqual(2);
    expect([...first.values()].some((text) => text.includes('markdown:'))).toBe(false);
    expect([...first.keys()].filter((file) => !file.startsWith('runbooks/')).map((file) => file.split('/')[0])).toEqual(
      expect.arrayContaining(['automations', 'domains', 'people', 'systems', 'teams']),
    );
    expect(first.get('teams/emea/team-a.yaml')).toContain('namespace: emea');
    expect(first.get('automations/ledger-close.yaml')).toContain('  annotations:\n    github.com/project-slug: northwind/ledger\n  labels:\n    tier: gold\n');

    const out = await tempDir('roundhouse-export-');
    for (const [file, text] of first) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), text);
    }
    const empty = await createTestDatabase();
    const other = await startTestApi(empty.url);
    try {
      await other.app.get(CatalogService).apply(out, out);
      const second = await other.app.get(CatalogService).exportFolder();
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [file, text] of first) {
        expect(second.get(file), file).toBe(text);
      }
    } finally {
      await other.close();
      await empty.drop();
    }
  });

  it('gives a person their Backstage teams when they sign in, by username or email; a parent team’s owners do not act on a child team’s automations', async () => {
    await applyWithOrg({ 'teams/finance.yaml': TEAM });
    const accounts = t.api.app.get(AccountsService);
    await accounts.add({ username: 'jenny.doe', name: 'Jenny Doe', role: 'owner', teams: [], password: PASSWORD });
    const jenny = await accounts.signIn('Jenny.Doe', PASSWORD, undefined);
    expect(jenny.teams).toEqual(['accounts.receivable', 'finance', 'payments']);
    await accounts.add({ username: 'sofia', name: 'Sofia', role: 'owner', teams: ['finance-ops'], password: PASSWORD });
    // "sofia" in the default namespace is not emea/sofia: namespaces make different people.
    expect((await accounts.signIn('sofia', PASSWORD, undefined)).teams).toEqual(['finance-ops']);

    // Least privilege: owning the finance team does not reach into its child teams' automations.
    const automations = t.api.app.get(AutomationsService);
    const admin = { id: 'ada', name: 'Ada', role: 'admin' as const, teams: [] };
    await automations.register(automationInput({ slug: 'payment-retries', owner: 'payments' }), admin);
    const financeOwner = { id: 'fin', name: 'Fin', role: 'owner' as const, teams: ['finance'] };
    await expect(
      automations.update('payment-retries', automationInput({ slug: 'payment-retries', owner: 'payments', title: 'Changed by the parent' }), financeOwner),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect((await automations.update('payment-retries', automationInput({ slug: 'payment-retries', owner: 'payments', title: 'Changed by Jenny' }), jenny)).title).toBe(
      'Changed by Jenny',
    );
  });
});
