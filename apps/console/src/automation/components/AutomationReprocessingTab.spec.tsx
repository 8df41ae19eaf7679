import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aReprocessRequest, aViewer, anAuditEntry, anAutomation } from '@/test/factories';
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
      AuditTrail: () => ({
        data: {
          auditTrail: [
            anAuditEntry({ id: 'audit-2', action: 'request.paused', reason: 'NetSuite is slow this morning', detail: '{}', at: '2026-11-27T09:02:00Z' }),
            anAuditEntry(),
          ],
        },
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
    expect(api.calls('AuditTrail')[0]?.variables).toEqual({ automation: 'invoice-generation', first: 50 });
    const paused = within(audit).getByRole('row', { name: /Paused/ });
    expect(paused.textContent).toContain('NetSuite is slow this morning');
    expect(within(paused).getByRole('link', { name: '#12' }).getAttribute('href')).toBe('/reprocess/12');
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
