import { RoundhouseClient } from '@roundhouse/sdk';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { signInAs } from './console.js';

describe('telemetry journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('an owner creates a runtime token, a runtime reports through the SDK, and the health tab and the trail show it', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'omar', baseUrl);

    // The token is shown once, in the console.
    await page.goto(`${baseUrl}/teams/finance-ops/tokens`);
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Name', { exact: true }).fill('payout worker e2e');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('#token-secret').inputValue();
    expect(secret).toMatch(/^rh_rt_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.locator('#token-secret').count()).toBe(0);

    // A runtime reports three runs of one payout, one of them retried after a rate limit.
    const client = new RoundhouseClient({ url: baseUrl, token: secret, onDiagnostic: () => undefined });
    const correlationId = 'payout-e2e-20261127';
    client.startRun('payout-reconciliation', { correlationId }).succeed();
    const runId = 'payout-run-e2e';
    const first = client.startRun('payout-reconciliation', { correlationId, runId, attempt: 1 });
    const limited = new Error('Adyen answered 429 Too Many Requests');
    limited.name = 'RateLimitError';
    first.fail(limited, { outcome: 'retrying' });
    client.startRun('payout-reconciliation', { correlationId, runId, attempt: 2 }).succeed();
    client.heartbeat('payout-reconciliation', 'payout-worker-1');
    await client.shutdown();
    expect(client.stats()).toMatchObject({ accepted: 7, quarantined: 0, forbidden: 0, dropped: 0 });

    await page.goto(`${baseUrl}/automations/payout-reconciliation/health?window=1h`);
    const throughput = page.locator('[data-stat="throughput"]');
    await throughput.waitFor();
    await expect.poll(async () => throughput.innerText()).toContain('3');
    expect(await page.locator('[data-stat="retry-rate"]').innerText()).toContain('33');
    expect(await page.locator('[data-stat="last-heartbeat"]').innerText()).not.toContain('No data yet');
    await page.locator('figure.chart').first().waitFor();

    await page.goto(`${baseUrl}/trail/${correlationId}`);
    const timeline = page.getByRole('list', { name: 'Runs in time order' });
    await timeline.waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(3);
    expect(await page.getByRole('figure').filter({ hasText: 'At a glance' }).count()).toBe(1);
    await page.close();
  });
});
