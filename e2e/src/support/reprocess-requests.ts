import { expect, type Page } from '@playwright/test';

/** After a reprocess dialog was confirmed: waits for the console to open the request it made, and returns the request's id. */
export async function openedRequestId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/reprocess\/\d+$/);
  return /\/reprocess\/(\d+)$/.exec(page.url())?.[1] ?? '';
}

/**
 * In the Approvals inbox (open in `page`): approves request `requestId`, which sends `messages`
 * messages, with `note`, and waits until nothing else waits for the approver.
 */
export async function approveRequest(page: Page, requestId: string, { messages, note }: { messages: number; note: string }): Promise<void> {
  await page
    .getByRole('group', { name: `Decide on request #${requestId}` })
    .getByRole('button', { name: 'Approve…' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Approve request #${requestId}?` });
  await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: `Approve — send ${messages} messages` }).click();
  await expect(page.getByText('Nothing waits for your approval')).toBeVisible();
}
