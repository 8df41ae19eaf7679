import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RetentionWarningsQuery } from '@/gql/graphql';
import { aDeadLetterGroup, anAutomation } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { RetentionWarnings } from './RetentionWarnings';

type Warning = RetentionWarningsQuery['deadLetterRetentionWarnings'][number];

const ENRICHMENT: Warning = {
  automation: 'crm-enrichment',
  sourceQueue: 'enrich-leads',
  count: 12,
  expiresAt: '2026-12-07T18:00:00.000Z',
  retention: 'removeOnFail after 24 h',
  message: '12 pending dead letters expire in 9 h (removeOnFail after 24 h): reprocess or discard them before their source removes them.',
};
const INVOICES: Warning = {
  automation: 'invoice-generation',
  sourceQueue: 'invoices.generate.dlq',
  count: 3,
  expiresAt: null,
  retention: 'queue TTL 24 h',
  message: '3 dead letters wait in queue "invoices.generate.dlq", not collected yet, and expire within 24 h (queue TTL 24 h).',
};

const AUTOMATIONS = {
  data: { automations: { edges: [{ node: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals', owner: { name: 'finance-ops' } } }] } },
};

describe(RetentionWarnings.name, () => {
  it('warns on the workbench about every automation whose failures expire within a day', async () => {
    const api = mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup()] } }),
      DeadLetters: () => ({ data: { deadLetters: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      RetentionWarnings: () => ({ data: { deadLetterRetentionWarnings: [ENRICHMENT, INVOICES] } }),
    });
    renderApp('/dead-letters');

    const warning = await screen.findByRole('region', { name: 'Dead letters about to expire' }, { timeout: 5_000 });
    const items = within(warning)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([`crm-enrichment: ${ENRICHMENT.message}`, `invoice-generation: ${INVOICES.message}`]);
    expect(api.calls('RetentionWarnings')[0]?.variables).toEqual({ automation: null });
  });

  it("warns on an automation's page about its own expiring dead letters, with a way to them", async () => {
    const api = mockApi({
      Automation: () => ({ data: { automation: anAutomation() } }),
      RetentionWarnings: ({ automation }) => ({ data: { deadLetterRetentionWarnings: automation === 'invoice-generation' ? [INVOICES] : [] } }),
    });
    renderApp('/automations/invoice-generation');

    const warning = await screen.findByRole('region', { name: 'Dead letters about to expire' }, { timeout: 5_000 });
    expect(within(warning).getByRole('listitem').textContent).toBe(`${INVOICES.message} See them`);
    expect(within(warning).getByRole('link', { name: 'See them' }).getAttribute('href')).toBe('/dead-letters?automation=invoice-generation');
    expect(api.calls('RetentionWarnings')[0]?.variables).toEqual({ automation: 'invoice-generation' });
  });

  it('says nothing when no failure expires soon, or when the warnings cannot be read', async () => {
    const api = mockApi({
      Automation: () => ({ data: { automation: anAutomation() } }),
      RetentionWarnings: () => graphqlError('INTERNAL_SERVER_ERROR', 'broker unreachable'),
    });
    renderApp('/automations/invoice-generation');
    await screen.findByRole('heading', { level: 1, name: anAutomation().title }, { timeout: 5_000 });
    await waitFor(() => expect(api.calls('RetentionWarnings')).toHaveLength(1), { timeout: 5_000 });
    expect(screen.queryByRole('region', { name: 'Dead letters about to expire' })).toBeNull();
  });
});
