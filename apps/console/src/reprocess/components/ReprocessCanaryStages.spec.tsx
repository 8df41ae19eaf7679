import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCanary, aReprocessRequest, aViewer, anAuditEntry, anAuditPage } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { ReprocessCanaryStages } from './ReprocessCanaryStages';

const OTTO = aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator' });

function stages(): HTMLElement[] {
  return within(screen.getByRole('region', { name: 'Stages' })).getAllByRole('listitem');
}

describe(ReprocessCanaryStages.name, () => {
  it('shows the canary and then the rest, in order: sent, outcomes so far, and the rest held while it waits', async () => {
    mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ total: 100, canary: aCanary() }) } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    await screen.findByRole('region', { name: 'Stages' });
    const [canary, rest] = stages();
    expect(stages().map((stage) => stage.dataset.stage)).toEqual(['canary', 'rest']);
    expect(within(canary as HTMLElement).getByRole('heading').textContent).toBe('1. Canary: the first 10 messages — waiting for outcomes');
    expect(canary?.textContent).toContain('10 of 10 messages sent · 6 succeeded · 1 failed again · 3 awaiting an outcome');
    expect(screen.getByTestId('canary-verdict').textContent).toContain('Waiting for the runtime’s outcomes: 7 of 10 known.');
    expect(within(rest as HTMLElement).getByRole('heading').textContent).toBe('2. The rest: 90 messages');
    expect(rest?.textContent).toContain('Held until the canary passes.');
    // The rest is held, not slow: no time remaining is made up from it.
    expect(screen.getByTestId('progress-remaining').textContent).toBe(
      'No estimate while the canary waits for the runtime’s outcomes; the other 90 messages are held until the canary decides.',
    );
  });

  it('shows the decision with its reason: a stopped canary leaves the rest unsent', async () => {
    const reason = 'canary: 3 of 10 failed again (30%), above the 20% you set; the other 90 were not sent and wait again';
    mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({
        data: {
          reprocessRequest: aReprocessRequest({
            state: 'cancelled',
            total: 100,
            finishedAt: '2026-11-27T09:05:00Z',
            progress: { queued: 0, dispatched: 0, acknowledged: 0, succeeded: 7, failed: 3, cancelled: 90 },
            canary: aCanary({
              stage: 'stopped',
              awaiting: 0,
              succeeded: 7,
              failed: 3,
              decision: { outcome: 'stopped', reason, at: '2026-11-27T09:05:00Z', by: null, succeeded: 7, failed: 3, awaiting: 0 },
            }),
          }),
        },
      }),
      AuditEntries: () => ({
        data: anAuditPage([
          anAuditEntry({
            id: 'a-9',
            action: 'reprocess.canary.stopped',
            actor: { id: 'roundhouse', name: 'Roundhouse' },
            actorKind: 'system',
            reason,
            detail: '{"size":10,"failed":3,"notSent":90}',
          }),
        ]),
      }),
    });
    renderApp('/reprocess/12');

    await screen.findByRole('region', { name: 'Stages' });
    const [canary, rest] = stages();
    expect(within(canary as HTMLElement).getByRole('heading').textContent).toBe('1. Canary: the first 10 messages — stopped the request');
    expect(within(canary as HTMLElement).getByRole('status').textContent).toBe(`${reason}.`);
    expect(rest?.textContent).toContain('Not sent: the canary stopped the request. These dead letters wait again.');
    expect(within(canary as HTMLElement).queryByRole('button')).toBeNull();

    const audit = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    const row = within(audit).getByRole('row', { name: /Canary stopped the request/ });
    expect(row.textContent).toContain('a first slice of 10 messages');
    expect(row.textContent).toContain('90 messages not sent');
  });

  it('says nothing is sent before the approval, and that a request cancelled before the decision never sent the rest', async () => {
    let request = aReprocessRequest({ state: 'awaiting_approval', total: 100, canary: aCanary({ stage: 'awaiting_approval', sent: 0, awaiting: 0, succeeded: 0, failed: 0 }) });
    mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({ data: { reprocessRequest: request } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    const first = renderApp('/reprocess/12');

    await screen.findByRole('region', { name: 'Stages' });
    let [canary, rest] = stages();
    expect(within(canary as HTMLElement).getByRole('heading').textContent).toBe('1. Canary: the first 10 messages — waits for approval');
    expect(screen.getByTestId('canary-verdict').textContent).toMatch(/^Nothing is sent before the approval\./);
    expect(screen.getByTestId('canary-verdict').textContent).not.toContain('Sending');
    expect(rest?.textContent).toContain('Held until the canary passes.');
    first.unmount();

    request = aReprocessRequest({ state: 'cancelled', total: 100, canary: aCanary({ stage: 'cancelled', awaiting: 3, succeeded: 6, failed: 1 }) });
    renderApp('/reprocess/12');
    await screen.findByRole('region', { name: 'Stages' });
    [canary, rest] = stages();
    expect(within(canary as HTMLElement).getByRole('heading').textContent).toBe('1. Canary: the first 10 messages — cancelled before a decision');
    expect(screen.getByTestId('canary-verdict').textContent).toBe('The request ended before the canary decided: 7 of 10 outcomes were known.');
    expect(rest?.textContent).toContain('Not sent: the request was cancelled before the canary decided.');
    expect(within(canary as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('lets someone who may control the request send the rest without the outcomes that never came', async () => {
    let continued = false;
    const api = mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ total: 100, canary: aCanary() }) } }),
      ContinueReprocessCanary: () => {
        continued = true;
        const reason = 'canary: continued by Otto Operator with 3 of 10 outcome(s) not known (1 of 7 failed again); sending the other 90';
        return {
          data: {
            continueReprocessCanary: aReprocessRequest({
              total: 100,
              canary: aCanary({
                stage: 'passed',
                decision: { outcome: 'passed', reason, at: '2026-11-27T09:05:00Z', by: { id: 'otto', name: 'Otto Operator' }, succeeded: 6, failed: 1, awaiting: 3 },
              }),
            }),
          },
        };
      },
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    fireEvent.click(await screen.findByRole('button', { name: 'Send the other 90 messages without waiting' }));
    await waitFor(() => expect(continued).toBe(true));
    expect(api.calls('ContinueReprocessCanary')[0]?.variables).toEqual({ id: '12', reason: null });
    expect((await screen.findByTestId('canary-verdict')).textContent).toContain('(Otto Operator continued without waiting).');
    expect(stages()[1]?.textContent).toContain('Sent after the canary passed');
  });

  it('offers no way to continue to people who may not control the request', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer' }) }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ total: 100, canControl: false, canary: aCanary() }) } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    await screen.findByRole('region', { name: 'Stages' });
    expect(screen.queryByRole('button', { name: /without waiting/ })).toBeNull();
  });
});
