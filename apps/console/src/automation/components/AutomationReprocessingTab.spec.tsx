import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aReprocessRequest, aViewer, anAuditEntry, anAuditPage, anAutomation } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AutomationReprocessingTab } from './AutomationReprocessingTab';

describe(AutomationReprocessingTab.name, () => {
  it('shows the automation’s requests with their progress and the record of who did what', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      ReprocessRequests: () => ({
        data: { reprocessRequests: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: '12', node: aReprocessRequest() }] } },
      }),
      AuditEntries: () => ({
        data: anAuditPage([
          anAuditEntry({ id: 'audit-2', action: 'request.paused', reason: 'NetSuite is slow this morning', detail: '{}', at: '2026-11-27T09:02:00Z' }),
          anAuditEntry(),
        ]),
      }),
    });
    renderApp('/automations/invoice-generation');
    const tabs = await screen.findByRole('navigation', { name: 'Automation sections' });
    fireEvent.click(within(tabs).getByRole('link', { name: 'Reprocessing' }));

    const requests = await screen.findByRole('table', { name: 'Reprocess and discard requests, newest first' });
    expect(screen.getByTestId('location').textContent).toBe('/automations/invoice-generation/reprocessing');
    expect(api.calls('ReprocessRequests')[0]?.variables).toEqual({ automation: 'invoice-generation', first: 10, after: null });
    const row = within(requests).getByRole('row', { name: /#12/ });
    expect(within(row).getByRole('img').getAttribute('aria-label')).toContain('77 succeeded');

    const audit = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    expect(api.calls('AuditEntries')[0]?.variables).toEqual({ filter: { targetKind: 'reprocess_request', automation: 'invoice-generation' }, first: 50, after: null });
    const paused = within(audit).getByRole('row', { name: /Paused/ });
    expect(paused.textContent).toContain('NetSuite is slow this morning');
    expect(within(paused).getByRole('link', { name: 'Reprocess request #12' }).getAttribute('href')).toBe('/reprocess/12');
  });

  it('offers the rest of a long trail a page at a time', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      ReprocessRequests: () => ({ data: { reprocessRequests: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      AuditEntries: ({ after }) => ({
        data: after === null ? anAuditPage([anAuditEntry({ id: 'audit-2', action: 'request.paused', detail: '{}' })], 'c-audit-2') : anAuditPage([anAuditEntry()]),
      }),
    });
    renderApp('/automations/invoice-generation/reprocessing');

    const audit = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    expect(within(audit).queryByRole('row', { name: /Reprocess requested/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect((await within(audit).findByRole('row', { name: /Reprocess requested/ })).textContent).toContain('200 messages');
    expect(api.calls('AuditEntries').at(-1)?.variables).toMatchObject({ after: 'c-audit-2' });
  });

  it('does not ask for the trail of another team’s automation, nor for a viewer', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ role: 'operator', teams: ['order-ops'] }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      ReprocessRequests: () => ({ data: { reprocessRequests: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      AuditEntries: () => ({ data: anAuditPage([anAuditEntry()]) }),
    });
    const { unmount } = renderApp('/automations/invoice-generation/reprocessing');
    expect(await screen.findByText('Nothing recorded for this automation’s dead letters yet.')).toBeTruthy();
    expect(api.calls('AuditEntries')).toHaveLength(0);
    unmount();

    const asViewer = mockApi({
      Viewer: () => ({ data: aViewer({ role: 'viewer' }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      ReprocessRequests: () => ({ data: { reprocessRequests: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      AuditEntries: () => ({ data: anAuditPage([anAuditEntry()]) }),
    });
    renderApp('/automations/invoice-generation/reprocessing');
    expect(await screen.findByText('Nothing recorded for this automation’s dead letters yet.')).toBeTruthy();
    expect(asViewer.calls('AuditEntries')).toHaveLength(0);
  });

  it('shows the runtime binding’s signing secret variable on the overview', async () => {
    mockApi({
      Automation: () => ({
        data: {
          automation: anAutomation({
            runtime: {
              kind: 'webhook',
              queue: null,
              deadLetterQueue: null,
              exchange: null,
              routingKey: null,
              stream: null,
              consumer: null,
              subject: null,
              serviceName: null,
              reprocessUrl: 'https://invoices.northwind.example/roundhouse/reprocess',
              signingSecret: 'INVOICE_REPROCESS_SIGNING_SECRET',
              connection: null,
            },
          }),
        },
      }),
    });
    renderApp('/automations/invoice-generation');

    const runtime = await screen.findByRole('region', { name: 'Runtime binding' });
    expect(runtime.textContent).toContain('Webhook signing secret (environment variable)INVOICE_REPROCESS_SIGNING_SECRET');
  });
});
