import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntriesQuery } from '@/gql/graphql';
import { type AuditEntry, aViewer, anAuditEntry, anAuditPage, someTeams } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AuditPage } from './AuditPage';

function page(entries: AuditEntry[], endCursor: string | null = null): { data: AuditEntriesQuery } {
  return { data: anAuditPage(entries, endCursor) };
}

const anEntry = (overrides: Partial<AuditEntry> = {}): AuditEntry =>
  anAuditEntry({
    id: '41',
    at: '2026-11-27T09:30:00Z',
    actor: { id: 'omar', name: 'Omar Haddad' },
    action: 'automation.updated',
    targetKind: 'automation',
    targetId: 'invoice-generation',
    reason: null,
    before: JSON.stringify({ title: 'Invoice generation', lifecycle: 'experimental', tags: ['billing'] }),
    after: JSON.stringify({ title: 'Invoice generation', lifecycle: 'production', tags: ['billing'] }),
    detail: '{}',
    ...overrides,
  });

const acknowledged = anEntry({
  id: '40',
  at: '2026-11-27T09:00:00Z',
  actor: { id: 'otto', name: 'Otto Operator' },
  action: 'alert.acknowledged',
  targetKind: 'alert',
  targetId: '7',
  reason: 'Looking at it: the billing API is throttling',
  before: JSON.stringify({ state: 'firing' }),
  after: JSON.stringify({ state: 'acknowledged', acknowledgedBy: 'Otto Operator' }),
});
const finished = anEntry({
  id: '12',
  at: '2026-11-26T18:00:00Z',
  actor: { id: 'roundhouse', name: 'Roundhouse' },
  actorKind: 'system',
  action: 'request.finished',
  targetKind: 'reprocess_request',
  targetId: '5',
  before: null,
  after: null,
  detail: JSON.stringify({ total: 40, succeeded: 40 }),
});

describe(AuditPage.name, () => {
  it('lists who did what, on what and why, newest first; a row opens to show what changed; more on request', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      AuditActions: () => ({ data: { auditActions: ['alert.acknowledged', 'automation.updated', 'request.finished'] } }),
      AuditEntries: ({ after }) => (after === null ? page([anEntry(), acknowledged], 'c-40') : page([finished])),
    });
    renderApp('/audit?team=finance-ops&from=2026-11-01&to=2026-11-27');

    const table = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    expect(api.calls('AuditEntries')[0]?.variables).toEqual({
      filter: { team: 'finance-ops', from: '2026-11-01T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' },
      first: 50,
      after: null,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('Omar Haddad');
    expect(rows[0]?.textContent).toContain('Changed the automation');
    expect(within(rows[0]!).getByRole('link', { name: 'invoice-generation' }).getAttribute('href')).toBe('/automations/invoice-generation');
    expect(rows[1]?.textContent).toContain('Acknowledged the alert');
    expect(rows[1]?.textContent).toContain('Looking at it: the billing API is throttling');

    fireEvent.click(within(rows[0]!).getByRole('button', { name: /Show the changes/ }));
    const changes = screen.getByRole('table', { name: 'What changed' });
    const changed = within(changes).getAllByRole('row').slice(1);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.textContent).toBe('lifecycleexperimentalproduction');

    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/audit/export.csv?team=finance-ops&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-28T00%3A00%3A00.000Z',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const request = await screen.findByRole('link', { name: 'Reprocess request #5' });
    expect(request.getAttribute('href')).toBe('/reprocess/5');
    expect(api.calls('AuditEntries').at(-1)?.variables).toMatchObject({ after: 'c-40' });
    const roundhouse = request.closest('tr')!;
    expect(roundhouse.textContent).toContain('Roundhouse');
    expect(within(roundhouse).queryByRole('button', { name: /Show the changes/ })).toBeNull();
    expect(roundhouse.textContent).toContain('40 messages · 40 succeeded');
    expect(roundhouse.textContent).toContain('Finished sending');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows nested changes field by field in words, a token by its name with a link to its team’s tokens, and an SLO change with a link to the SLOs', async () => {
    const sloChange = anEntry({
      id: '52',
      action: 'automation.change_requested',
      targetKind: 'automation_change',
      targetId: '7',
      before: JSON.stringify({
        slos: [
          { name: 'invoice-success', objective: 99.5, window: '30d' },
          { name: 'invoice-latency', objective: 95, threshold: '15m' },
        ],
      }),
      after: JSON.stringify({
        slos: [
          { name: 'invoice-success', objective: 99, window: '30d' },
          { name: 'invoice-latency', objective: 95, threshold: '15m' },
        ],
      }),
    });
    const token = anEntry({
      id: '51',
      action: 'token.created',
      targetKind: 'runtime_token',
      targetId: '0b7e2f4c-5d1a-4e8b-9c3f-2a6d8e1f4b70',
      automations: [],
      before: null,
      after: JSON.stringify({ name: 'invoice worker', capabilities: ['ingest', 'commands'], allAutomations: true, automations: [], expiresAt: '2027-03-07T04:00:00.000Z' }),
    });
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      AuditActions: () => ({ data: { auditActions: [] } }),
      AuditEntries: () => page([sloChange, token]),
    });
    renderApp('/audit');

    const table = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    expect(within(table).getByRole('link', { name: 'SLO change #7 to invoice-generation' }).getAttribute('href')).toBe('/automations/invoice-generation/slos');
    const tokenLink = within(table).getByRole('link', { name: 'Runtime token “invoice worker”' });
    expect(tokenLink.getAttribute('href')).toBe('/teams/finance-ops/tokens');
    expect(table.textContent).not.toContain('0b7e2f4c');

    fireEvent.click(within(table).getAllByRole('button', { name: /Show the changes/ })[0]!);
    const slos = within(screen.getByRole('table', { name: 'What changed' }))
      .getAllByRole('row')
      .slice(1);
    expect(slos.map((row) => Array.from(row.children).map((cell) => cell.textContent))).toEqual([['slos › invoice-success › objective', '99.5', '99']]);

    fireEvent.click(within(tokenLink.closest('tr')!).getByRole('button', { name: /Show the changes/ }));
    const created = within(screen.getAllByRole('table', { name: 'What changed' })[1]!)
      .getAllByRole('row')
      .slice(1);
    expect(created.map((row) => Array.from(row.children).map((cell) => cell.textContent))).toEqual([
      ['name', '—', 'invoice worker'],
      ['capabilities', '—', 'ingest, commands'],
      ['allAutomations', '—', 'yes'],
      ['automations', '—', 'none'],
      ['expiresAt', '—', '2027-03-07T04:00:00.000Z'],
    ]);
    expect(screen.queryByText(/[{}[\]"]/)).toBeNull();
  });

  it('keeps a chosen filter in the URL and asks again with it', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ role: 'admin', teams: [] }) }),
      Teams: () => ({ data: someTeams() }),
      AuditActions: () => ({ data: { auditActions: ['alert.acknowledged', 'automation.updated'] } }),
      AuditEntries: () => page([anEntry()]),
    });
    renderApp('/audit');
    await screen.findByRole('table', { name: 'Audit trail, newest first' });

    fireEvent.change(screen.getByLabelText('What'), { target: { value: 'alert.acknowledged' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/audit?action=alert.acknowledged'));
    await waitFor(() => expect(api.calls('AuditEntries').at(-1)?.variables).toMatchObject({ filter: { action: 'alert.acknowledged' } }));

    const who = screen.getByLabelText('Who');
    fireEvent.change(who, { target: { value: 'otto' } });
    fireEvent.keyDown(who, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/audit?action=alert.acknowledged&actor=otto'));
    expect(within(screen.getByLabelText('Team')).getByRole('option', { name: 'finance-ops' })).toBeTruthy();
  });

  it('says when nothing matches the filters, and offers to clear them', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), AuditActions: () => ({ data: { auditActions: [] } }), AuditEntries: () => page([]) });
    renderApp('/audit?actor=nobody');
    const empty = await screen.findByRole('status', { name: 'Nothing was done that matches these filters' });
    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/audit'));
  });

  it('refuses days that run backwards before asking, and shows why the api refused', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      AuditActions: () => ({ data: { auditActions: [] } }),
      AuditEntries: () => graphqlError('FORBIDDEN', 'You may read the audit trail of your own teams only (finance-ops); order-ops is not one of them.'),
    });
    renderApp('/audit?from=2026-11-20&to=2026-11-10');
    expect((await screen.findByRole('alert')).textContent).toBe('The first day is after the last day.');
    expect(api.calls('AuditEntries')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Export CSV' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByLabelText('From (UTC)'), { target: { value: '' } });
    expect(await screen.findByText('The audit trail could not be loaded')).toBeTruthy();
    expect(screen.getByText(/order-ops is not one of them/)).toBeTruthy();
  });

  it('is offered in the navigation to operators, owners and admins, and not to viewers', async () => {
    mockApi({ Viewer: () => ({ data: aViewer({ role: 'viewer', teams: [] }) }) });
    renderApp('/audit');
    expect(await screen.findByText('The audit trail is for operators, owners and admins')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Audit trail' })).toBeNull();
  });

  it('shows the navigation entry to an operator', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'otto', role: 'operator' }) }),
      AuditActions: () => ({ data: { auditActions: [] } }),
      AuditEntries: () => page([]),
    });
    renderApp('/audit');
    expect(await screen.findByText('Nothing has been recorded yet')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' }))
        .getByRole('link', { name: 'Audit trail' })
        .getAttribute('href'),
    ).toBe('/audit');
  });
});
