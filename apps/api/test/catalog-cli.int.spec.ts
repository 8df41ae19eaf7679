import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCli as catalog } from './catalog-cli.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

describe('npm run catalog', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-cli-'));
    await mkdir(path.join(dir, 'teams'));
    await writeFile(path.join(dir, 'teams/finance.yaml'), 'apiVersion: roundhouse.dev/v1\nkind: Team\nmetadata: { name: finance-ops }\n');
  });

  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('validates the shipped catalog', () => {
    const result = catalog(['validate'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^The catalog is valid: \d+ teams, 0 people, 0 systems and domains, \d+ automations in \d+ files\.$/m);
  });

  it('reads a Backstage org folder copied unchanged beside the catalog: notes, not errors', async () => {
    const withOrg = await mkdtemp(path.join(tmpdir(), 'roundhouse-cli-org-'));
    try {
      await cp(path.resolve(import.meta.dirname, '../../../catalog'), withOrg, { recursive: true });
      await cp(path.resolve(import.meta.dirname, 'backstage-org'), path.join(withOrg, 'org'), { recursive: true });
      const result = catalog(['validate'], { ROUNDHOUSE_CATALOG_DIR: withOrg });
      expect(result.code).toBe(0);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('note: '))).toHaveLength(4);
      expect(result.stderr).toContain('/org/org.yaml:3: skipped Location "northwind-org" (backstage.io/v1alpha1)');
      expect(result.stdout).toMatch(/^The catalog is valid: \d+ teams, 4 people, 2 systems and domains, \d+ automations in \d+ files \(4 note\(s\) above\)\.$/m);
    } finally {
      await rm(withOrg, { recursive: true, force: true });
    }
  });

  it('reads the folder it is given, and refuses one that does not exist instead of archiving the whole catalog', async () => {
    await writeFile(path.join(dir, 'bad.yaml'), 'apiVersion: roundhouse.dev/v1\nkind: Team\nmetadata: { name: Bad_Team }\n');
    try {
      // The folder given wins over ROUNDHOUSE_CATALOG_DIR (here the shipped, valid catalog).
      const given = catalog(['validate', dir], {});
      expect(given.code).toBe(1);
      // A folder outside the repository is named by its full path, as a terminal opens it.
      expect(given.stderr.split('\n').filter((line) => line.startsWith(`${path.join(dir, 'bad.yaml')}:3: metadata.name: found "Bad_Team"`))).toHaveLength(1);
      expect(catalog(['validate', dir, dir], {}).code).toBe(2);
    } finally {
      await rm(path.join(dir, 'bad.yaml'));
    }
    expect(catalog(['apply', dir], { DATABASE_URL: db.url }).code).toBe(0);
    expect(await db.query(`SELECT name FROM team WHERE archived_at IS NULL`)).toEqual([{ name: 'finance-ops' }]);

    const missing = path.join(dir, 'no-such-folder');
    const validate = catalog(['validate', missing], {});
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('no-such-folder:1: (folder): found no such folder');
    const apply = catalog(['apply'], { ROUNDHOUSE_CATALOG_DIR: missing, DATABASE_URL: db.url });
    expect(apply.code).toBe(1);
    expect(await db.query(`SELECT name FROM team WHERE archived_at IS NULL`)).toEqual([{ name: 'finance-ops' }]);
  });

  it('names the file, line, field, what was found and what is allowed, and refuses to apply', async () => {
    await writeFile(
      path.join(dir, 'bad.yaml'),
      'apiVersion: roundhouse.dev/v1\nkind: Automation\nmetadata:\n  name: bad\n  title: Bad one\n  description: x\nspec:\n  type: robot\n  lifecycle: production\n  owner: finance-ops\n  onCall: { name: someone }\n',
    );
    const validate = catalog(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('bad.yaml:8: spec.type: found "robot"; allowed: one of automation, orchestration, integration');
    const apply = catalog(['apply'], { ROUNDHOUSE_CATALOG_DIR: dir, DATABASE_URL: db.url });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('The catalog was not applied: 1 problem.');
    expect(await db.query('SELECT slug FROM automation')).toEqual([]);
    await rm(path.join(dir, 'bad.yaml'));
  });

  it('refuses a runtime binding that names one of Roundhouse’s own settings, and one not set aside for runtimes unless listed', async () => {
    const binding = (connection: string) =>
      `apiVersion: roundhouse.dev/v1\nkind: Automation\nmetadata:\n  name: queue-bound\n  title: Queue bound\n  description: x\nspec:\n  type: automation\n  lifecycle: experimental\n  owner: finance-ops\n  onCall: { name: someone }\n  runtime:\n    kind: rabbitmq\n    deadLetterQueue: invoices.dlq\n    connection: ${connection}\n`;
    await writeFile(path.join(dir, 'queue.yaml'), binding('DATABASE_URL'));
    const setting = catalog(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir });
    expect(setting.code).toBe(1);
    expect(setting.stderr).toContain(
      `queue.yaml:15: spec.runtime.connection: found "DATABASE_URL", one of Roundhouse's own settings; allowed: the name of an environment variable set aside for runtimes`,
    );

    await writeFile(path.join(dir, 'queue.yaml'), binding('FINANCE_RABBITMQ_URL'));
    expect(catalog(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir }).stderr).toContain(
      'found "FINANCE_RABBITMQ_URL", which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES',
    );
    const listed = catalog(['validate'], { ROUNDHOUSE_CATALOG_DIR: dir, ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'FINANCE_RABBITMQ_URL' });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^The catalog is valid/);
    await rm(path.join(dir, 'queue.yaml'));
  });

  it('applies, then exports an automation as YAML', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const apply = catalog(['apply'], { DATABASE_URL: db.url, ROUNDHOUSE_CATALOG_DIR: path.join(root, 'catalog') });
    expect(apply.code).toBe(0);
    const exported = catalog(['export', 'payout-reconciliation'], { DATABASE_URL: db.url });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^apiVersion: roundhouse\.dev\/v1\nkind: Automation\nmetadata:\n {2}name: payout-reconciliation\n/);
    const missing = catalog(['export', 'nope'], { DATABASE_URL: db.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No automation has the slug "nope".');
  });
});
