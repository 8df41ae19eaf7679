import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { asAdmin, signInAs } from './console.js';

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

/** `npm run catalog -- <command>` on the running Roundhouse's database, with `dir` as the catalog. */
function catalog(command: string, dir: string) {
  const { DATABASE_URL: _running, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(root, 'apps/api/dist/cli/catalog.js'), command], {
    cwd: root,
    env: { ...env, ...inject('roundhouseEnv'), ROUNDHOUSE_CATALOG_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Backstage journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();
  const dirs: string[] = [];

  afterAll(async () => {
    // The shipped catalog again, as the other journeys expect it: the org and the automation are archived.
    expect(catalog('apply', path.join(root, 'catalog')).code).toBe(0);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('an org folder copied beside the catalog applies with notes; the team tree shows its levels and members, the automation its annotation links', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-e2e-backstage-'));
    dirs.push(dir);
    await cp(path.join(root, 'catalog'), dir, { recursive: true });
    await cp(ORG, path.join(dir, 'org'), { recursive: true });
    await writeFile(path.join(dir, 'automations/card-refunds.yaml'), CARD_REFUNDS);

    const applied = catalog('apply', dir);
    expect(applied.stderr).toContain('skipped Location "northwind-org"');
    expect(applied.stderr).toContain('skipped Component "payments-service"');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/\. People: 4 created\. Systems and domains: 2 created\. Automations: 1 created\b/);

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'vera', baseUrl);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();

    // Three levels: Northwind Traders → Finance → Payments Engineering, with Payments' people.
    const underNorthwind = page.getByRole('list', { name: 'Teams under Northwind Traders' });
    await underNorthwind.getByRole('heading', { name: 'Finance', exact: true }).waitFor();
    const underFinance = page.getByRole('list', { name: 'Teams under Finance' });
    await underFinance.getByRole('heading', { name: 'Payments Engineering' }).waitFor();
    const members = page.getByRole('list', { name: 'Members of Payments Engineering' });
    await expect.poll(async () => (await members.getByRole('listitem').allInnerTexts()).map((text) => text.split(' ').slice(0, 2).join(' '))).toEqual(['Amara Okafor', 'Jenny Doe', 'Lukas Berg']);
    // A team in another namespace says so.
    await page.getByRole('heading', { name: /^Team A \(EMEA\)/ }).getByText('namespace emea').waitFor();

    await page.goto(`${baseUrl}/automations/card-refunds`);
    await page.getByRole('heading', { level: 1, name: 'Card refunds' }).waitFor();
    expect(await page.getByRole('link', { name: 'PagerDuty service' }).getAttribute('href')).toBe('https://app.pagerduty.com/service-directory/PX7R2QZ');
    expect(await page.getByRole('link', { name: 'GitHub project' }).getAttribute('href')).toBe('https://github.com/northwind/card-refunds');
    expect(await page.getByRole('link', { name: 'Grafana dashboard' }).getAttribute('href')).toBe('https://grafana.northwind.example/d/refunds');
    await page.close();

    // Backstage reads it back from the running server (not the console's pages) with a catalog_read token.
    const graphql = await asAdmin(baseUrl);
    const { createRuntimeToken } = await graphql<{ createRuntimeToken: { secret: string } }>(
      `mutation($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret } }`,
      { input: { name: 'Backstage e2e', team: 'finance-ops', capabilities: ['catalog_read'] } },
    );
    expect((await fetch(`${baseUrl}/catalog/backstage/entities.yaml`, { headers: { accept: '*/*' } })).status).toBe(401);
    const served = await fetch(`${baseUrl}/catalog/backstage/entities.yaml`, { headers: { accept: '*/*', authorization: `Bearer ${createRuntimeToken.secret}` } });
    expect(served.status).toBe(200);
    const yaml = await served.text();
    expect(yaml).toContain('\n  name: card-refunds\n');
    expect(yaml).toContain('owner: group:default/payments');
  });
});
