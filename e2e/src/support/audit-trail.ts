import type { Locator, Page } from '@playwright/test';

/** The audit trail `page` shows (the audit page's, a reprocess request's), newest first. */
export function auditTrail(page: Page) {
  const table = page.getByRole('table', { name: 'Audit trail, newest first' });
  return {
    /** The trail's rows whose accessible name matches `name` (who did what, to what). */
    row: (name: RegExp): Locator => table.getByRole('row', { name }),
    /** The trail's entries of `action`, e.g. `reprocess.requested`. */
    entries: (action: string): Locator => table.locator(`tr[data-action="${action}"]`),
  };
}
