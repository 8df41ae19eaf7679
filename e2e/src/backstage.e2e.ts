import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');
/** A Backstage org folder in Backstage's documented shapes: three levels of Groups, Users in the same files, a Location, a Component, a namespace. */
const ORG = path.join(root, 'apps/api/test/backstage-org');

/** An automation as an owner writes it, with the annotations Backstage users keep in catalog-info.yaml. */
const CARD_REFUNDS = `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: card-refunds
  title: Card refunds
  description: Refunds card payments the support desk approved.
  annotations:
    pagerduty.com/service-id: PX7R2QZ
    github.com/project-slug: northwind/card-refunds
    grafana/overview-dashboard: https://grafana.northwind.example/d/refunds
  labels:
    tier: critical
spec:
  type: integration
  lifecycle: production
  owner: group:default/payments
  system: order-to-cash
  onCall: { name: Payments primary }
`;

/** `npm run catalog -- <command>` on the running Roundhouse's database (`roundhouseEnv` says where), with `dir` as the catalog. */
function catalog(command: string, dir: string, roundhouseEnv: Record<string, string>) {
  const { DATABASE_URL: _running, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(root, 'apps/api/dist/cli/catalog.js'), command], {
    cwd: root,
    env: { ...env, ...roundhouseEnv, ROUNDHOUSE_CATALOG_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test.describe('Backstage journey', () => {
  const dirs: string[] = [];

  test.afterAll(async ({ roundhouse }) => {
    // The shipped catalog again, as the other journeys expect it: the org and the automation are archived.
    expect(catalog('apply', path.join(root, 'catalog'), roundhouse.env).code).toBe(0);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test('an org folder copied beside the catalog applies with notes; the team tree shows its levels and members, the automation its annotation links', async ({
    admin,
    baseUrl,
    roundhouse,
    signedInAs,
  }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-e2e-backstage-'));
    dirs.push(dir);
    await cp(path.join(root, 'catalog'), dir, { recursive: true });
    await cp(ORG, path.join(dir, 'org'), { recursive: true });
    await writeFile(path.join(dir, 'automations/card-refunds.yaml'), CARD_REFUNDS);

    const applied = catalog('apply', dir, roundhouse.env);
    expect(applied.stderr).toContain('skipped Location "northwind-org"');
    expect(applied.stderr).toContain('skipped Component "payments-service"');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/\. People: 4 created\. Systems and domains: 2 created\. Automations: 1 created\b/);

    const page = await signedInAs('vera');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();

    // Three levels: Northwind Traders → Finance → Payments Engineering, with Payments' people.
    const underNorthwind = page.getByRole('list', { name: 'Teams under Northwind Traders' });
    await expect(underNorthwind.getByRole('heading', { name: 'Finance', exact: true })).toBeVisible();
    const underFinance = page.getByRole('list', { name: 'Teams under Finance' });
    await expect(underFinance.getByRole('heading', { name: 'Payments Engineering' })).toBeVisible();
    const members = page.getByRole('list', { name: 'Members of Payments Engineering' });
    await expect(members.getByRole('listitem')).toHaveText([/^Amara Okafor(\s|$)/, /^Jenny Doe(\s|$)/, /^Lukas Berg(\s|$)/], { useInnerText: true });
    // A team in another namespace says so.
    await expect(page.getByRole('heading', { name: /^Team A \(EMEA\)/ }).getByText('namespace emea')).toBeVisible();

    await page.goto('/automations/card-refunds');
    await expect(page.getByRole('heading', { level: 1, name: 'Card refunds' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'PagerDuty service' })).toHaveAttribute('href', 'https://app.pagerduty.com/service-directory/PX7R2QZ');
    await expect(page.getByRole('link', { name: 'GitHub project' })).toHaveAttribute('href', 'https://github.com/northwind/card-refunds');
    await expect(page.getByRole('link', { name: 'Grafana dashboard' })).toHaveAttribute('href', 'https://grafana.northwind.example/d/refunds');

    // Backstage reads it back from the running server (not the console's pages) with a catalog_read token.
    const token = await admin.createRuntimeToken({ name: 'Backstage e2e', team: 'finance-ops', capabilities: ['catalog_read'] });
    expect((await fetch(`${baseUrl}/catalog/backstage/entities.yaml`, { headers: { accept: '*/*' } })).status).toBe(401);
    const served = await fetch(`${baseUrl}/catalog/backstage/entities.yaml`, { headers: { accept: '*/*', authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    const yaml = await served.text();
    expect(yaml).toContain('\n  name: card-refunds\n');
    expect(yaml).toContain('owner: group:default/payments');
  });
});
