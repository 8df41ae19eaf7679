import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCli } from './catalog-cli.js';
import { useCatalogFolders } from './catalog-folders.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

const TEAM = 'apiVersion: roundhouse.dev/v1\nkind: Team\nmetadata: { name: finance-ops }\n';

/** An automation file as an owner writes it; `title` is written into the YAML as given (quotes and escapes included). */
function automation(slug: string, options: { title?: string; type?: string; owner?: string } = {}): string {
  return [
    'apiVersion: roundhouse.dev/v1',
    'kind: Automation',
    'metadata:',
    `  name: ${slug}`,
    `  title: ${options.title ?? 'Card refunds'}`,
    '  description: Refunds card payments the support desk approved.',
    'spec:',
    `  type: ${options.type ?? 'automation'}`,
    '  lifecycle: production',
    `  owner: ${options.owner ?? 'finance-ops'}`,
    '  onCall: { name: Finance ops primary }',
    '',
  ].join('\n');
}

/** The problem lines `validate` prints for one file of the folder (its stderr, notes left out). */
function problemsOf(stderr: string, file: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.includes(`/${file}:`))
    .map((line) => line.slice(line.indexOf(file)));
}

describe('catalog validate and apply: problems a person can act on', () => {
  const { tempDir } = useCatalogFolders();
  let db: TestDatabase;

  /** A catalog folder with the team and `files` (relative path → text or bytes). */
  async function folder(files: Record<string, string | Buffer>): Promise<string> {
    const dir = await tempDir('roundhouse-catalog-errors-');
    for (const [name, content] of Object.entries({ 'teams/finance.yaml': TEAM, ...files })) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
    return dir;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('points a YAML syntax error at the line and column where it is: an unclosed quote where it opens', async () => {
    const dir = await folder({ 'automations/refunds.yaml': automation('card-refunds', { title: '"Card refunds' }) });
    const result = catalogCli(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(result.code).toBe(1);
    expect(problemsOf(result.stderr, 'automations/refunds.yaml')).toEqual([
      'automations/refunds.yaml:5:10: (file): found a quoted value that opens here and is never closed; allowed: valid YAML: close the quote on the same value',
    ]);
  });

  it('gives one problem for one tab, on its line', async () => {
    const tabbed = automation('card-refunds').replace('  lifecycle: production', '\tlifecycle: production');
    const dir = await folder({ 'automations/refunds.yaml': tabbed });
    const result = catalogCli(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(result.code).toBe(1);
    expect(problemsOf(result.stderr, 'automations/refunds.yaml')).toEqual([
      'automations/refunds.yaml:9:1: (file): found a tab used to indent; allowed: spaces to indent (YAML does not allow tabs there)',
    ]);
    expect(result.stdout).toBe('The catalog has 1 problem(s); apply would refuse it.\n');
  });

  it('checks the owner of an automation that has a schema error too, and reports both', async () => {
    const dir = await folder({ 'automations/refunds.yaml': automation('card-refunds', { type: 'robot', owner: 'group:default/treasury' }) });
    const result = catalogCli(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(problemsOf(result.stderr, 'automations/refunds.yaml')).toEqual([
      'automations/refunds.yaml:8: spec.type: found "robot"; allowed: one of automation, orchestration, integration',
      'automations/refunds.yaml:10: spec.owner: found "treasury"; allowed: a team defined in the catalog (finance-ops)',
    ]);
  });

  it('catches in validate, with file, line and column, what the database would refuse in apply: NUL, broken Unicode, bytes that are not UTF-8', async () => {
    const dir = await folder({
      'automations/nul.yaml': automation('nul-title', { title: '"Card \\u0000 refunds"' }),
      'automations/surrogate.yaml': automation('lone-surrogate', { title: '"Card \\ud800 refunds"' }),
      // Saved as Latin-1 by an old editor: "Remboursés" with é as the single byte 0xE9.
      'automations/latin1.yaml': Buffer.from(automation('latin-one', { title: 'Rembours\u00e9s' }), 'latin1'),
    });
    const validate = catalogCli(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(validate.code).toBe(1);
    const allowed = 'allowed: text without NUL characters and with well-formed Unicode (the database cannot keep it)';
    expect(problemsOf(validate.stderr, 'automations/nul.yaml')).toEqual([`automations/nul.yaml:5:10: metadata.title: found a NUL character (\\u0000); ${allowed}`]);
    expect(problemsOf(validate.stderr, 'automations/surrogate.yaml')).toEqual([
      `automations/surrogate.yaml:5:10: metadata.title: found broken Unicode: a lone surrogate \\ud800; ${allowed}`,
    ]);
    expect(problemsOf(validate.stderr, 'automations/latin1.yaml')).toEqual([
      'automations/latin1.yaml:5:18: (file): found bytes that are not UTF-8; allowed: a UTF-8 text file (save it as UTF-8)',
    ]);

    // Apply refuses the same, before its transaction: nothing is written, and no database error.
    const apply = catalogCli(['apply'], { ROUNDHOUSE_CATALOG_DIR: dir, DATABASE_URL: db.url });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('The catalog was not applied: 3 problems.');
    expect(await db.query(`SELECT slug FROM automation`)).toEqual([]);
  });

  it('says "restored" when apply brings back an automation and a team it had archived', async () => {
    const dir = await folder({ 'automations/refunds.yaml': automation('card-refunds') });
    const env = { ROUNDHOUSE_CATALOG_DIR: dir, DATABASE_URL: db.url };
    expect(catalogCli(['apply'], env).stdout).toBe('Catalog applied. Teams: 1 created. People: none. Systems and domains: none. Automations: 1 created.\n');

    await rm(path.join(dir, 'automations/refunds.yaml'));
    await rm(path.join(dir, 'teams/finance.yaml'));
    expect(catalogCli(['apply'], env).stdout).toBe('Catalog applied. Teams: 1 archived. People: none. Systems and domains: none. Automations: 1 archived.\n');

    await writeFile(path.join(dir, 'teams/finance.yaml'), TEAM);
    await writeFile(path.join(dir, 'automations/refunds.yaml'), automation('card-refunds', { title: 'Card refunds, back' }));
    expect(catalogCli(['apply'], env).stdout).toBe('Catalog applied. Teams: 1 restored. People: none. Systems and domains: none. Automations: 1 restored.\n');
    expect(await db.query(`SELECT slug, title, archived_at FROM automation`)).toEqual([{ slug: 'card-refunds', title: 'Card refunds, back', archived_at: null }]);
    const [entry] = await db.query<{ detail: { automations: { restored: string[] } } }>(`SELECT detail FROM audit_entry WHERE action = 'catalog.applied' ORDER BY id DESC LIMIT 1`);
    expect(entry?.detail.automations.restored).toEqual(['card-refunds']);
  });
});
