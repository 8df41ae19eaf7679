import type { Page } from 'playwright-core';

/** Signs in through the console's dev sign-in, as a person would, and waits for the catalog. */
export async function signInAs(page: Page, persona: 'omar' | 'vera' | 'otto' | 'ada', baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForURL(/\/sign-in/);
  await page.locator(`[data-persona="${persona}"]`).click();
  await page.getByRole('heading', { name: 'Automation catalog' }).waitFor();
}
