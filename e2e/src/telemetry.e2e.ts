import { RoundhouseClient } from '@roundhouse/sdk';
import { expect, test } from './fixtures.js';
import { namedError } from './support/runtime.js';

test.describe('telemetry journey', () => {
  test('an owner creates a runtime token, a runtime reports through the SDK, and the health tab and the trail show it', async ({ baseUrl, signedInAs }) => {
    const page = await signedInAs('omar');

    // The token is shown once, in the console.
    await page.goto('/teams/finance-ops/tokens');
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name', { exact: true }).fill('payout worker e2e');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.locator('#token-secret')).toHaveValue(/^rh_rt_/);
    const secret = await page.locator('#token-secret').inputValue();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect(page.locator('#token-secret')).toHaveCount(0);

    // A runtime reports three runs of one payout, one of them retried after a rate limit.
    const client = new RoundhouseClient({ url: baseUrl, token: secret, onDiagnostic: () => undefined });
    const correlationId = 'payout-e2e-20261127';
    client.startRun('payout-reconciliation', { correlationId }).succeed();
    const runId = 'payout-run-e2e';
    const first = client.startRun('payout-reconciliation', { correlationId, runId, attempt: 1 });
    first.fail(namedError('RateLimitError', 'Adyen answered 429 Too Many Requests'), { outcome: 'retrying' });
    client.startRun('payout-reconciliation', { correlationId, runId, attempt: 2 }).succeed();
    client.heartbeat('payout-reconciliation', 'payout-worker-1');
    await client.shutdown();
    expect(client.stats()).toMatchObject({ accepted: 7, quarantined: 0, forbidden: 0, dropped: 0 });

    await page.goto('/automations/payout-reconciliation/health?window=1h');
    await expect(page.locator('[data-stat="throughput"]')).toContainText('3');
    await expect(page.locator('[data-stat="retry-rate"]')).toContainText('33');
    await expect(page.locator('[data-stat="last-heartbeat"]')).toBeVisible();
    await expect(page.locator('[data-stat="last-heartbeat"]')).not.toContainText('No data yet');
    await expect(page.getByRole('figure').first()).toBeVisible();

    await page.goto(`/trail/${correlationId}`);
    const timeline = page.getByRole('list', { name: 'Runs in time order' });
    await expect(timeline.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('figure').filter({ hasText: 'At a glance' })).toHaveCount(1);
  });
});
