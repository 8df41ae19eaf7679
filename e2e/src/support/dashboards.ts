import { expect, type Page } from '@playwright/test';

/** Opens the dashboard called `title` as a stakeholder finds it: Dashboards, then its link; waits for its heading. */
export async function openDashboard(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Dashboards' }).first().click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
