import { expect, type Locator, type Page } from '@playwright/test';

/** The dead-letter workbench (`/dead-letters`) in the test's page, as on call works it. */
export class DeadLetterWorkbench {
  /** The dead letters listed, a row each. */
  readonly rows: Locator;
  /** The groups listed, a row per error fingerprint. */
  readonly groups: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.locator('tr[data-dead-letter-id]');
    this.groups = page.locator('tr[data-fingerprint]');
  }

  /** Opens the workbench on `automation`'s dead letters: those that need action, or those of `status` (`any` for all). */
  async open(automation: string, status?: string): Promise<void> {
    await this.page.goto(`/dead-letters?automation=${automation}${status === undefined ? '' : `&status=${status}`}`);
  }

  /** The group of the dead letters that failed with `errorClass`. */
  group(errorClass: string): Locator {
    return this.groups.filter({ hasText: errorClass });
  }

  /** Narrows the list to the group of `errorClass`: its fingerprint goes into the address. */
  async narrowTo(errorClass: string): Promise<void> {
    await this.group(errorClass).getByRole('button').first().click();
    await expect(this.page).toHaveURL(/fingerprint=/);
  }

  /** Opens the workbench on `automation`'s dead letters and narrows it to the group of `errorClass`. */
  async openGroup(automation: string, errorClass: string): Promise<void> {
    await this.open(automation);
    await this.narrowTo(errorClass);
  }

  /** Clicks "Reprocess all matching…": returns the dialog that asks for a reason and says what will happen. */
  async reprocessAllMatching(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Reprocess all matching…' }).click();
    return this.page.getByRole('dialog');
  }
}
