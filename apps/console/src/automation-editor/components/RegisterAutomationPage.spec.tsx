import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { descriptionOf, valueOf } from '@/test/dom';
import { aViewer, anAutomation, someTeams } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { RegisterAutomationPage } from './RegisterAutomationPage';

function type(label: string | HTMLElement, value: string, container: HTMLElement = document.body) {
  const input = typeof label === 'string' ? within(container).getByLabelText(label) : label;
  fireEvent.change(input, { target: { value } });
}

async function openFormWithOneKpi() {
  renderApp('/automations/new');
  await screen.findByRole('heading', { name: 'Register an automation' });
  type('Title', 'Payout reconciliation');
  type('Slug', 'Payout Recon');
  type('Description', 'Matches Stripe payouts to NetSuite deposits every morning.');
  fireEvent.click(screen.getByRole('button', { name: 'Add KPI' }));
  const kpi = screen.getByRole('group', { name: 'KPI 1' });
  type('KPI name', 'unmatched-payouts', kpi);
  type('KPI title', 'Unmatched payouts', kpi);
  type('Unit', 'payouts/day', kpi);
  type('Target', '2', kpi);
  type('Baseline value', '35', kpi);
  type('Baseline note', 'tbd', kpi);
  return kpi;
}

describe(RegisterAutomationPage.name, () => {
  it('shows the api’s field problems next to the inputs they name, and keeps what was typed', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      RegisterAutomation: () =>
        graphqlError('BAD_USER_INPUT', 'The automation is not valid', [
          { path: 'kpis[0].baseline.note', message: 'Say how the baseline was measured and by whom.', found: 'tbd' },
          { path: 'slug', message: 'Use lower-case letters, digits and single dashes.', found: 'Payout Recon', allowed: 'e.g. "payout-reconciliation"' },
          // The api's own wording already says what it found and allows: said once, not twice.
          { path: 'kpis[0].name', message: 'found "k"; allowed: at least 2 characters', found: '"k"', allowed: 'at least 2 characters' },
        ]),
    });
    const kpi = await openFormWithOneKpi();

    fireEvent.click(screen.getByRole('button', { name: 'Register automation' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('3 problems stop this automation from being saved');
    expect(within(summary).getByRole('link', { name: 'KPI 1 › Baseline note' })).toBeTruthy();

    const note = within(kpi).getByLabelText('Baseline note');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(note)).toContain('Say how the baseline was measured and by whom. Found: tbd.');

    const slug = screen.getByLabelText('Slug');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(slug)).toContain('Use lower-case letters, digits and single dashes. Found: Payout Recon. Allowed: e.g. "payout-reconciliation".');
    const name = within(kpi).getByLabelText('KPI name');
    expect(descriptionOf(name)).toBe('Found "k"; allowed: at least 2 characters');

    // The title was fine: no problem beside it.
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();

    // Nothing typed is lost.
    expect(valueOf(slug)).toBe('Payout Recon');
    expect(valueOf(note)).toBe('tbd');
    expect(valueOf(within(kpi).getByLabelText('Unit'))).toBe('payouts/day');

    // The input that was sent is the api's AutomationInput, numbers as numbers.
    const [sent] = api.calls('RegisterAutomation');
    expect(sent?.variables).toMatchObject({
      input: {
        slug: 'Payout Recon',
        owner: 'finance-ops',
        onCall: { name: 'Finance ops primary', schedule: 'https://northwind.pagerduty.example/schedules/FINOPS' },
        kpis: [{ name: 'unmatched-payouts', target: 2, baseline: { value: 35, note: 'tbd' }, direction: 'lower_is_better' }],
      },
    });

    // Fixing a field clears its problem straight away.
    type(note, 'Ops tally of unmatched payouts per working day, March 2026.');
    expect(note.getAttribute('aria-invalid')).toBeNull();
  });

  it('puts a duplicate slug (CONFLICT) on the slug field', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      RegisterAutomation: () => graphqlError('CONFLICT', 'An automation with slug "payout-recon" already exists.'),
    });
    await openFormWithOneKpi();
    type('Slug', 'payout-recon');

    fireEvent.click(screen.getByRole('button', { name: 'Register automation' }));

    await screen.findByRole('alert');
    const slug = screen.getByLabelText('Slug');
    expect(descriptionOf(slug)).toContain('An automation with slug "payout-recon" already exists.');
    expect(valueOf(slug)).toBe('payout-recon');
  });

  it('asks for required fields before sending anything', async () => {
    const api = mockApi({ Viewer: () => ({ data: aViewer() }), Teams: () => ({ data: someTeams() }) });
    renderApp('/automations/new');
    await screen.findByRole('heading', { name: 'Register an automation' });

    fireEvent.click(screen.getByRole('button', { name: 'Register automation' }));

    await screen.findByRole('alert');
    expect(descriptionOf(screen.getByLabelText('Title'))).toContain('Required.');
    expect(descriptionOf(screen.getByLabelText('Description'))).toContain('Required.');
    expect(api.calls('RegisterAutomation')).toHaveLength(0);
  });

  it('opens the new automation’s page once registered, saying so on screen with the focus on it', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      RegisterAutomation: ({ input }) => ({
        data: {
          registerAutomation: anAutomation({
            slug: input.slug,
            title: input.title,
            description: input.description,
            source: 'console',
            sourceFile: null,
            canEdit: true,
            editBlockedReason: null,
          }),
        },
      }),
    });
    renderApp('/automations/new');
    await screen.findByRole('heading', { name: 'Register an automation' });
    type('Title', 'Payout reconciliation');
    type('Description', 'Matches Stripe payouts to NetSuite deposits every morning.');

    fireEvent.click(screen.getByRole('button', { name: 'Register automation' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Payout reconciliation' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/automations/payout-reconciliation');
    expect(api.calls('RegisterAutomation')[0]?.variables).toMatchObject({ input: { slug: 'payout-reconciliation' } });
    const confirmation = screen.getByRole('status', { name: 'Saved' });
    expect(confirmation.textContent).toBe('Registered “Payout reconciliation”. It is in the catalog now; its health shows here once its runtime reports.');
    expect(document.activeElement).toBe(confirmation);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Edit' })).toBeTruthy());

    // Said once: the next tab no longer carries it.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Automation sections' })).getByRole('link', { name: 'Runs' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/automations/payout-reconciliation/runs'));
    expect(screen.queryByRole('status', { name: 'Saved' })).toBeNull();
  });

  it('sends a webhook runtime binding with the name of its signing secret variable, and shows the api’s refusal of a name beside it', async () => {
    // The api's words when a binding names one of Roundhouse's own settings (apps/api automations.service checkBinding).
    const found = '"ROUNDHOUSE_SESSION_SECRET", one of Roundhouse\'s own settings';
    const allowed =
      "the name of an environment variable set aside for runtimes: one starting with ROUNDHOUSE_RUNTIME_ (e.g. ROUNDHOUSE_RUNTIME_INVOICES_RABBITMQ_URL), or one the operator lists in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES; never one of Roundhouse's own settings";
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      RegisterAutomation: () =>
        graphqlError('BAD_USER_INPUT', 'The automation is not valid: runtime.signingSecret.', [
          { path: 'runtime.signingSecret', message: `found ${found}; allowed: ${allowed}`, found, allowed },
        ]),
    });
    renderApp('/automations/new');
    await screen.findByRole('heading', { name: 'Register an automation' });
    type('Title', 'Chargeback evidence');
    type('Description', 'Submits delivery proof for disputed card payments.');
    fireEvent.change(screen.getByLabelText('Runtime kind'), { target: { value: 'webhook' } });
    type('Reprocess URL', 'https://chargebacks.northwind.example/roundhouse/reprocess');
    const secret = screen.getByLabelText('Signing secret variable');
    expect(descriptionOf(secret)).toContain('The name of the environment variable holding the secret reprocess webhooks are signed with: one starting with ROUNDHOUSE_RUNTIME_');
    type(secret, 'ROUNDHOUSE_SESSION_SECRET');

    fireEvent.click(screen.getByRole('button', { name: 'Register automation' }));

    await screen.findByRole('alert');
    expect(api.calls('RegisterAutomation')[0]?.variables).toMatchObject({
      input: {
        runtime: { kind: 'webhook', reprocessUrl: 'https://chargebacks.northwind.example/roundhouse/reprocess', signingSecret: 'ROUNDHOUSE_SESSION_SECRET' },
      },
    });
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(secret)).toContain(`Found ${found}; allowed: ${allowed}`);
    expect(screen.getByLabelText('Reprocess URL').getAttribute('aria-invalid')).toBeNull();
  });
});
