import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRun } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { TrailPage } from './TrailPage';

const PAYOUTS = { slug: 'payout-reconciliation', title: 'Payout reconciliation' };

describe(TrailPage.name, () => {
  it('lists every run of the transaction in the order they happened, whatever order they arrive in', async () => {
    const api = mockApi({
      Trail: () => ({
        data: {
          trail: [
            aRun({ automation: PAYOUTS, runId: 'pay-9', startedAt: '2026-11-27T08:20:00Z', finishedAt: '2026-11-27T08:20:04Z', durationMs: 4000 }),
            aRun({ runId: 'inv-1', attempt: 2, startedAt: '2026-11-27T08:16:00Z', finishedAt: '2026-11-27T08:16:03Z', durationMs: 3000 }),
            aRun({
              runId: 'inv-1',
              attempt: 1,
              status: 'retrying',
              startedAt: '2026-11-27T08:15:00Z',
              finishedAt: '2026-11-27T08:15:30Z',
              durationMs: 30_000,
              errorClass: 'RateLimitError',
              errorMessage: 'NetSuite answered 429 Too Many Requests',
            }),
          ],
          trailSteps: [],
        },
      }),
    });
    renderApp('/trail/deal-4711');

    const timeline = await screen.findByRole('list', { name: 'Runs in time order' });
    expect(api.calls('Trail')[0]?.variables).toEqual({ correlationId: 'deal-4711' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Trail of deal-4711');

    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => `${item.getAttribute('data-run-id')}: ${within(item).getByRole('link').textContent}`)).toEqual([
      'inv-1: Invoice generation from closed-won deals',
      'inv-1: Invoice generation from closed-won deals',
      'pay-9: Payout reconciliation',
    ]);
    expect(items[0]?.textContent).toContain('attempt 1');
    expect(items[0]?.textContent).toContain('Retrying');
    expect(items[0]?.textContent).toContain('RateLimitError');
    expect(items[0]?.textContent).toContain('30 s');
    expect(items[1]?.textContent).toContain('attempt 2');
    expect(
      within(items[2] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/automations/payout-reconciliation/runs');

    // The time-axis view sums up the same transaction: from the first start to the last finish.
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^3 runs of 2 automations over 5 min 4 s, from /);
    expect(screen.getByText(/3 runs across 2 automations, spanning 5 min 4 s/)).toBeTruthy();
  });

  it('shows the steps of each attempt (OpenTelemetry child spans) under it, a failed step with its error', async () => {
    const step = (stepId: string, name: string, startedAt: string, outcome: 'succeeded' | 'failed', errorMessage: string | null = null) => ({
      automation: { slug: 'invoice-generation' },
      stepId,
      runId: 'a1b2c3d4e5f60718',
      name,
      outcome,
      startedAt,
      durationMs: 1200,
      errorMessage,
    });
    mockApi({
      Trail: () => ({
        data: {
          trail: [
            aRun({ runId: 'a1b2c3d4e5f60718', attempt: 1, status: 'retrying', startedAt: '2026-11-27T08:15:00Z', finishedAt: '2026-11-27T08:15:30Z', durationMs: 30_000 }),
            aRun({ runId: 'a1b2c3d4e5f60718', attempt: 2, startedAt: '2026-11-27T08:16:00Z', finishedAt: '2026-11-27T08:16:03Z', durationMs: 3000 }),
          ],
          trailSteps: [
            step('00000000000000b2', 'render pdf', '2026-11-27T08:16:01Z', 'succeeded'),
            step('00000000000000a2', 'call netsuite', '2026-11-27T08:15:05Z', 'failed', 'NetSuite answered 429'),
            step('00000000000000a1', 'fetch deal', '2026-11-27T08:15:01Z', 'succeeded'),
          ],
        },
      }),
    });
    renderApp('/trail/4bf92f3577b34da6a3ce929d0e0e4736');

    const first = await screen.findByRole('list', { name: 'Steps of Invoice generation from closed-won deals, attempt 1' });
    expect(
      within(first)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['fetch deal succeeded · 1.2 s', 'call netsuite failed · 1.2 s — NetSuite answered 429']);
    const second = screen.getByRole('list', { name: 'Steps of Invoice generation from closed-won deals, attempt 2' });
    expect(
      within(second)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['render pdf succeeded · 1.2 s']);
  });

  it('says so when no run carries the correlation id', async () => {
    mockApi({ Trail: () => ({ data: { trail: [], trailSteps: [] } }) });
    renderApp('/trail/no-such-deal');

    const empty = await screen.findByRole('status', { name: 'No runs carry this correlation id' });
    expect(within(empty).getByRole('link', { name: 'Search all runs' }).getAttribute('href')).toBe('/runs');
    expect(screen.queryByRole('list', { name: 'Runs in time order' })).toBeNull();
  });
});
