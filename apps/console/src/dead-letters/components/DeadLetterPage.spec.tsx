import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDeadLetter, anAutomation } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DeadLetterPage } from './DeadLetterPage';

describe(DeadLetterPage.name, () => {
  it('shows the message with its context, a masked payload with a notice, its headers and the automation’s runbook', async () => {
    const api = mockApi({
      DeadLetter: () => ({
        data: { deadLetter: aDeadLetter({ payloadMasked: true, payload: '{"dealId":"deal-4711","iban":"••••"}' }) },
      }),
      Automation: () => ({ data: { automation: anAutomation() } }),
    });
    renderApp('/dead-letters/dl-0001');

    expect(await screen.findByRole('heading', { level: 1, name: /NetSuiteValidationError/ })).toBeTruthy();
    expect(api.calls('DeadLetter')[0]?.variables).toEqual({ id: 'dl-0001' });
    expect(screen.getByText('Some fields are hidden: your role cannot see payloads.')).toBeTruthy();
    expect(screen.getByLabelText('Payload as received').textContent).toBe('{\n  "dealId": "deal-4711",\n  "iban": "••••"\n}');

    const facts = screen.getByRole('region', { name: 'Where it came from' });
    expect(within(facts).getByRole('link', { name: 'deal-4711' }).getAttribute('href')).toBe('/trail/deal-4711');
    expect(within(facts).getByRole('link', { name: 'Invoice generation from closed-won deals' }).getAttribute('href')).toBe('/automations/invoice-generation');
    expect(facts.textContent).toContain('invoices.generate.dlq');
    expect(facts.textContent).toContain('msg-5f2c');
    expect(facts.textContent).toContain('run-0001');

    const headers = screen.getByRole('table', { name: 'Message headers' });
    expect(within(headers).getByRole('row', { name: 'x-death-count 1' })).toBeTruthy();

    expect(await screen.findByRole('heading', { name: 'Failed invoices — triage and reprocess dead letters' })).toBeTruthy();
    expect(await screen.findByText('Every failed message is a customer who was not invoiced.')).toBeTruthy();
  });

  it('shows the payload without a notice when nothing was masked', async () => {
    mockApi({ DeadLetter: () => ({ data: { deadLetter: aDeadLetter() } }), Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }) });
    renderApp('/dead-letters/dl-0001');

    expect((await screen.findByLabelText('Payload as received')).textContent).toContain('"customerId": "CUST-88213"');
    expect(screen.queryByText('Some fields are hidden: your role cannot see payloads.')).toBeNull();
  });

  it('says so when there is no such dead letter', async () => {
    mockApi({ DeadLetter: ({ id }) => graphqlError('NOT_FOUND', `No dead letter "${id}"`) });
    renderApp('/dead-letters/dl-gone');

    const notFound = await screen.findByRole('region', { name: 'No dead letter dl-gone' });
    expect(within(notFound).getByRole('link', { name: 'Back to dead letters' }).getAttribute('href')).toBe('/dead-letters');
  });
});
