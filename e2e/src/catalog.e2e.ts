import { expect, test } from './fixtures.js';

test.describe('catalog journey', () => {
  test('an owner registers an automation through the form; a viewer finds it by search and opens it', async ({ signedInAs }) => {
    const owner = await signedInAs('omar');
    await owner.getByRole('link', { name: 'Register automation' }).click();
    await expect(owner.getByRole('heading', { name: 'Register an automation' })).toBeVisible();

    // A bad slug first: the server's error lands beside the slug input, and nothing typed is lost.
    await owner.getByLabel('Title', { exact: true }).fill('Supplier statement matching');
    await owner.getByLabel('Slug', { exact: true }).fill('Supplier Statements');
    await owner.getByLabel('Description', { exact: true }).fill('Matches supplier statements against open payables in NetSuite and flags differences for AP.');
    await owner.getByRole('button', { name: 'Register automation' }).click();
    await expect(owner.getByRole('alert')).toBeVisible();
    await expect(owner.getByLabel('Slug', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(owner.locator('#field-slug-problem')).toContainText('lower-case');
    await expect(owner.getByLabel('Description', { exact: true })).toHaveValue(/open payables/);

    await owner.getByLabel('Slug', { exact: true }).fill('supplier-statement-matching');
    await owner.getByRole('button', { name: 'Register automation' }).click();
    await expect(owner).toHaveURL(/\/automations\/supplier-statement-matching$/);
    await expect(owner.getByRole('heading', { level: 1, name: 'Supplier statement matching' })).toBeVisible();

    const viewer = await signedInAs('vera');
    await viewer.getByLabel('Search automations').fill('supplier statem');
    await expect(viewer).toHaveURL(/q=supplier/);
    const result = viewer.getByRole('link', { name: 'Supplier statement matching' });
    await expect(result).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'Invoice generation from closed-won deals' })).toHaveCount(0);
    await result.click();
    await expect(viewer).toHaveURL(/\/automations\/supplier-statement-matching$/);
    await expect(viewer.getByRole('heading', { level: 1, name: 'Supplier statement matching' })).toBeVisible();
    // The owner is on the overview tab, whose code arrives after the page's header.
    await expect(viewer.getByText('finance-ops').first()).toBeVisible();
    await expect(viewer.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  });

  test('shows a file-managed automation from the shipped catalog with its runbook, read-only', async ({ signedInAs }) => {
    const page = await signedInAs('vera');
    await page.getByLabel('Search automations').fill('invoice');
    await expect(page).toHaveURL(/q=invoice/);
    await page.getByRole('link', { name: 'Invoice generation from closed-won deals' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoice generation from closed-won deals' })).toBeVisible();
    await expect(page.getByText('catalog/automations/invoice-generation.yaml').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: /Business impact/ }).first()).toBeVisible();
  });
});
