import { describe, expect, it } from 'vitest';
import { parseCatalogFile } from './catalog-file.js';

const FILE = 'catalog/automations/invoice-generation.yaml';

interface AutomationYamlOptions {
  lifecycle?: string;
  /** Lines of the `onCall` mapping, indented under `spec`. */
  onCall?: string[];
  /** Extra lines inside `spec`, e.g. a misspelt field. */
  extraSpec?: string[];
  /** The runbook id the SLO names; null leaves the SLO without one. */
  sloRunbook?: string | null;
}

/** A small, valid Automation v1 file; options change one thing at a time. */
function automationYaml(options: AutomationYamlOptions = {}): string {
  const {
    lifecycle = 'production',
    onCall = ['  onCall:', '    name: Finance ops primary', '    email: finance-ops-oncall@northwind.example'],
    extraSpec = [],
    sloRunbook = 'reprocess-dead-letters',
  } = options;
  return yamlLines(
    'apiVersion: roundhouse.dev/v1',
    'kind: Automation',
    'metadata:',
    '  name: invoice-generation',
    '  title: Invoice generation from closed-won deals',
    '  description: Builds the NetSuite invoice when a Salesforce deal closes and emails the PDF.',
    'spec:',
    '  type: automation',
    `  lifecycle: ${lifecycle}`,
    '  owner: group:default/finance-ops',
    ...onCall,
    ...extraSpec,
    '  slos:',
    '    - name: invoices-succeed',
    '      title: 99.5% of closed-won deals invoiced without a manual touch',
    '      indicator: success_rate',
    '      objective: 99.5',
    ...(sloRunbook === null ? [] : [`      runbook: ${sloRunbook}`]),
    '  runbooks:',
    '    - id: reprocess-dead-letters',
    '      title: Failed invoices — triage and reprocess dead letters',
    '      path: runbooks/invoice-generation.md',
  );
}

/** A Backstage Group as an organisation keeps it, with fields Roundhouse does not read. */
function backstageGroupYaml(): string {
  return yamlLines(
    'apiVersion: backstage.io/v1alpha1',
    'kind: Group',
    'metadata:',
    '  name: payments',
    '  annotations:',
    '    github.com/team-slug: northwind/payments',
    '  links:',
    '    - url: https://wiki.northwind.example/payments',
    'spec:',
    '  type: team',
    '  parent: finance',
    '  profile:',
    '    displayName: Payments Engineering',
    '    email: payments@northwind.example',
    '  children: [payouts, reconciliation]',
    '  members: [user:default/amara.okafor, priya.raman]',
  );
}

function yamlLines(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The 1-based line of the first line that, without its indentation, starts with `start`. */
function lineStarting(text: string, start: string): number {
  const index = text.split('\n').findIndex((line) => line.trimStart().startsWith(start));
  if (index === -1) {
    throw new Error(`no line starts with ${JSON.stringify(start)}`);
  }
  return index + 1;
}

describe(parseCatalogFile.name, () => {
  it('reads a valid Automation, normalising its owner reference', () => {
    const result = parseCatalogFile(automationYaml(), FILE);

    expect(result.problems).toEqual([]);
    expect(result.teams).toEqual([]);
    expect(result.automations).toHaveLength(1);
    const [automation] = result.automations;
    expect(automation?.file).toBe(FILE);
    expect(automation?.line).toBe(1);
    expect(automation?.value.metadata.name).toBe('invoice-generation');
    expect(automation?.value.spec.owner).toBe('finance-ops');
    expect(automation?.value.spec.slos[0]).toMatchObject({ runbook: 'reprocess-dead-letters', window: '30d' });
  });

  it('reports a wrong enum value with its file, line, field, what was found and what is allowed', () => {
    const text = automationYaml({ lifecycle: 'prod' });

    const result = parseCatalogFile(text, FILE);

    expect(result.automations).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'lifecycle:'),
        field: 'spec.lifecycle',
        found: '"prod"',
        allowed: 'one of experimental, production, deprecated',
      },
    ]);
  });

  it('reports a misspelt field on its own line and lists the known fields', () => {
    const text = automationYaml({ extraSpec: ['  sytems: [salesforce, netsuite]'] });

    const result = parseCatalogFile(text, FILE);

    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'sytems:'),
        field: 'spec.sytems',
        found: 'an unknown field "sytems"',
        allowed: 'the fields type, lifecycle, owner, onCall, system, systems, riskDomains, runtime, payload, slos, kpis, runbooks, releases',
      },
    ]);
  });

  it('reports a missing required field on the line of its parent', () => {
    const text = automationYaml({ onCall: ['  onCall:', '    email: finance-ops-oncall@northwind.example'] });

    const result = parseCatalogFile(text, FILE);

    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'onCall:'),
        field: 'spec.onCall.name',
        found: 'nothing (the field is required)',
        allowed: 'a string',
      },
    ]);
  });

  it('names the line of invalid YAML', () => {
    const text = automationYaml().replace('title: Invoice generation from closed-won deals', 'title: Invoices: from closed-won deals');

    const result = parseCatalogFile(text, FILE);

    expect(result.automations).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ file: FILE, line: lineStarting(text, 'title: Invoices:'), field: '(file)', allowed: 'valid YAML' })]);
  });

  it('reads a Backstage Group whole, keeping the entity as written for export', () => {
    const result = parseCatalogFile(backstageGroupYaml(), 'catalog/teams/payments.yaml');

    expect(result.problems).toEqual([]);
    expect(result.automations).toEqual([]);
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group?.file).toBe('catalog/teams/payments.yaml');
    expect(group?.line).toBe(1);
    expect(group?.value.spec).toMatchObject({
      parent: 'finance',
      children: ['payments', 'reconciliation'].map((c) => c.replace('payments', 'payouts')),
      members: ['user:default/amara.okafor', 'priya.raman'],
    });
    expect(Object.keys(group?.raw ?? {})).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(group?.raw['metadata']).toEqual({
      name: 'payments',
      annotations: { 'github.com/team-slug': 'northwind/payments' },
      links: [{ url: 'https://wiki.northwind.example/payments' }],
    });
  });

  it('skips the kinds it does not read with one note each, and refuses none of the rest', () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: org }\nspec: { type: url, target: https://git.example/org.yaml }',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: shop }\nspec: { type: service, lifecycle: production, owner: payments }',
      'apiVersion: example.com/v2\nkind: Widget\nmetadata: { name: w }',
      backstageGroupYaml(),
    ].join('\n---\n');

    const result = parseCatalogFile(text, 'catalog/org.yaml');

    expect(result.problems).toEqual([]);
    expect(result.groups).toHaveLength(1);
    expect(result.notes.map((note) => `${note.line}: ${note.message.replace(/:.*/, '')}`)).toEqual([
      '2: skipped Location "org" (backstage.io/v1alpha1)',
      '7: skipped Component "shop" (backstage.io/v1alpha1)',
      '12: skipped Widget "w" (example.com/v2)',
    ]);
  });

  it('names the allowed kinds when the kind is unknown', () => {
    const text = automationYaml().replace('kind: Automation', 'kind: Pipeline');

    const result = parseCatalogFile(text, FILE);

    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'kind:'),
        field: 'kind',
        found: '"roundhouse.dev/v1" "Pipeline"',
        allowed:
          'roundhouse.dev/v1 Automation, roundhouse.dev/v1 Team, backstage.io/v1alpha1 or backstage.io/v1beta1 Group, backstage.io/v1alpha1 or backstage.io/v1beta1 User, backstage.io/v1alpha1 or backstage.io/v1beta1 System, backstage.io/v1alpha1 or backstage.io/v1beta1 Domain',
      },
    ]);
  });

  it('rejects an SLO that names a runbook the automation does not have', () => {
    const text = automationYaml({ sloRunbook: 'restart-the-worker' });

    const result = parseCatalogFile(text, FILE);

    expect(result.automations).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'runbook: restart-the-worker'),
        field: 'spec.slos[0].runbook',
        found: '"restart-the-worker"',
        allowed: 'no runbook with id "restart-the-worker" in spec.runbooks (have: reprocess-dead-letters)',
      },
    ]);
  });

  it('rejects an SLO of a production automation that names no runbook, and accepts it while experimental', () => {
    const text = automationYaml({ sloRunbook: null });

    const result = parseCatalogFile(text, FILE);

    expect(result.automations).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: FILE,
        line: lineStarting(text, '- name: invoices-succeed'),
        field: 'spec.slos[0].runbook',
        allowed: "a production automation's SLO needs a runbook that answers its alerts (one of: reprocess-dead-letters)",
      }),
    ]);
    expect(parseCatalogFile(automationYaml({ sloRunbook: null, lifecycle: 'experimental' }), FILE).problems).toEqual([]);
  });
});
