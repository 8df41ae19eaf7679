import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { signInAs } from './console.js';

describe('catalog journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('an owner registers an automation through the form; a viewer finds it by search and opens it', async () => {
    const owner = await browser.context.newPage();
    await signInAs(owner, 'omar', baseUrl);
    await owner.getByRole('link', { name: 'Register automation' }).click();
    await owner.getByRole('heading', { name: 'Register an automation' }).waitFor();

    // A bad slug first: the server's error lands beside the slug input, and nothing typed is lost.
    await owner.getByLabel('Title', { exact: true }).fill('Supplier statement matching');
    await owner.getByLabel('Slug', { exact: true }).fill('Supplier Statements');
    await owner.getByLabel('Description', { exact: true }).fill('Matches supplier statements against open payables in NetSuite and flags differences for AP.');
    await owner.getByRole('button', { name: 'Register automation' }).click();
    await owner.getByRole('alert').waitFor();
    expect(await owner.getByLabel('Slug', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await owner.locator('#field-slug-problem').innerText()).toContain('lower-case');
    expect(await owner.getByLabel('Description', { exact: true }).inputValue()).toContain('open payables');

    await owner.getByLabel('Slug', { exact: true }).fill('supplier-statement-matching');
    await owner.getByRole('button', { name: 'Register automation' }).click();
    await owner.waitForURL(/\/automations\/supplier-statement-matching$/);
    await owner.getByRole('heading', { level: 1, name: 'Supplier statement matching' }).waitFor();
    await owner.close();

    await browser.context.clearCookies();
    const viewer = await browser.context.newPage();
    await signInAs(viewer, 'vera', baseUrl);
    await viewer.getByLabel('Search automations').fill('supplier statem');
    await viewer.waitForURL(/q=supplier/);
    const result = viewer.getByRole('link', { name: 'Supplier statement matching' });
    await result.waitFor();
    expect(await viewer.getByRole('link', { name: 'Invoice generation from closed-won deals' }).count()).toBe(0);
    await result.click();
    await viewer.waitForURL(/\/automations\/supplier-statement-matching$/);
    await viewer.getByRole('heading', { level: 1, name: 'Supplier statement matching' }).waitFor();
    // The owner is on the overview tab, whose code arrives after the page's header.
    await viewer.getByText('finance-ops').first().waitFor();
    expect(await viewer.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    await viewer.close();
  });

  it('shows a file-managed automation from the shipped catalog with its runbook, read-only', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'vera', baseUrl);
    await page.getByLabel('Search automations').fill('invoice');
    await page.waitForURL(/q=invoice/);
    await page.getByRole('link', { name: 'Invoice generation from closed-won deals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice generation from closed-won deals' }).waitFor();
    expect(await page.getByText('catalog/automations/invoice-generation.yaml').first().isVisible()).toBe(true);
    await page.getByRole('heading', { name: /Business impact/ }).first().waitFor();
    await page.close();
  });
});
