import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf } from '@/test/dom';
import { aDashboard, aResolvedRange, someProgramTotals } from '@/test/dashboardFactories';
import { aViewer } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DashboardPage } from './DashboardPage';

const URL_PATH = '/dashboards/finance-automation-program';

function panel(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function figure(region: HTMLElement, name: string): string {
  return within(region).getByRole('group', { name }).textContent ?? '';
}

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

afterEach(() => {
  setClipboard(undefined);
});

describe(DashboardPage.name, () => {
  it('renders every kind of panel in words a finance lead reads, each number saying how it is computed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T09:00:00Z') });
    const api = mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: aDashboard() } }) });
    renderApp(URL_PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Finance automation program' })).toBeTruthy();
    expect(api.calls('Dashboard')[0]?.variables).toEqual({ name: 'finance-automation-program' });
    expect(screen.getByTestId('dashboard-range').textContent).toContain('Showing 1 Sep 2026 – 30 Nov 2026');
    expect(screen.getByText('dashboards/finance-automation-program.yaml')).toBeTruthy();

    const kpi = panel('Time from closed deal to invoice sent');
    expect(figure(kpi, 'Before (agreed baseline)')).toContain('26 hours');
    expect(figure(kpi, 'After: 1 Sep 2026 – 30 Nov 2026')).toContain('8.06 hours');
    expect(figure(kpi, 'Target')).toContain('15 minutes');
    expect(figure(kpi, 'Change')).toContain('−17.94 hours');
    expect(within(kpi).getByText(/69% better than before; 70% of the way to the target\./)).toBeTruthy();
    expect(descriptionOf(within(kpi).getByRole('button', { name: 'How “After: 1 Sep 2026 – 30 Nov 2026” is computed' }))).toBe(
      'The median time from a run starting to it finishing, over all runs that ended in the range.',
    );
    expect(descriptionOf(within(kpi).getByRole('button', { name: 'How “Before (agreed baseline)” is computed' }))).toContain('Measured from 5 Jan 2026 to 27 Mar 2026.');

    const trend = panel('Revenue invoiced too late for the month-end close');
    expect(figure(trend, 'Latest week')).toContain('€6,500 at each month-end');
    expect(figure(trend, 'Latest week')).toContain('Week of 23 Nov');
    expect(figure(trend, 'Target')).toContain('€5,000 at each month-end');
    // The dashed lines are named under the chart, not written over its axis.
    const key = trend.querySelector('figcaption')?.textContent;
    expect(key).toContain('Dashed line: target, €5,000 at each month-end');
    expect(key).toContain('Dotted line: before, €182,000 at each month-end');
    expect(within(trend).getByText('2 of 3 weeks have a value.')).toBeTruthy();

    const slos = panel('Are the promises kept?');
    const row = within(slos).getByRole('row', { name: /Invoice generation from closed-won deals/ });
    expect(row.textContent).toContain('99.5% over 30d');
    expect(row.textContent).toContain('99.41%');
    expect(row.textContent).toContain('At risk');
    expect(
      within(row)
        .getByRole('meter', { name: /Error budget left/ })
        .getAttribute('aria-valuenow'),
    ).toBe('25');
    expect(row.textContent).toContain('25% of the room for failures left: 45 of the 60 misses allowed have happened.');
    expect(within(row).getByRole('link', { name: '1 open alert' }).getAttribute('href')).toBe('/automations/invoice-generation/slos');

    const backlog = panel('Failed items waiting for a decision');
    const waiting = within(backlog).getByRole('row', { name: /Invoice generation/ });
    expect(waiting.textContent).toContain('14');
    expect(waiting.textContent).toContain('2 days 3 h');
    expect(waiting.textContent).toContain('212');
    // The 14 are counted whoever owns the automation: its link opens every team's dead letters, not only the viewer's.
    expect(within(waiting).getByRole('link').getAttribute('href')).toBe('/dead-letters?automation=invoice-generation&teams=all');

    const totals = panel('Hours and money won back');
    expect(figure(totals, 'Staff time saved')).toContain('1,237 hours');
    // Three units, three figures, each saying what it is; never their sum (€318,000 or €458,000).
    expect(figure(totals, 'Money recovered, per month')).toContain('€141,000 more per month');
    expect(figure(totals, 'Money recovered, per month')).toContain('Recovered before: €410,000 per month; now: €551,000 per month.');
    expect(figure(totals, 'Money still at stake')).toContain('€20,000');
    expect(figure(totals, 'Money still at stake')).toContain('Before: €312,000, so €292,000 less at stake.');
    expect(figure(totals, 'Money still at stake, at each month-end')).toContain('€5,000 at each month-end');
    expect(totals.textContent).not.toMatch(/€318,000|€458,000|€610,000/);
    const slipped = within(totals).getByText('Revenue invoiced after close').closest('tr');
    expect(slipped?.textContent).toContain('Money still at stake');
    expect(slipped?.textContent).toContain('€177,000 less at stake at each month-end');
    expect(within(totals).getByText('Chargebacks for credit not processed (refund-handling): no data in the range')).toBeTruthy();

    const broken = panel('Overdue invoices paid after a reminder');
    expect(within(broken).getByRole('status').textContent).toBe(
      'This panel cannot be shown: The KPI "overdue-cash-recovered" is no longer in the catalog entry of dunning-reminders.',
    );
    vi.useRealTimers();
    // The first test loads the page and its charts cold, which takes more than the default 5 s on a busy machine.
  }, 30_000);

  it('flags partial data and shows the caveat when improvement cannot be computed', async () => {
    const dashboard = aDashboard();
    const kpiPanel = dashboard.panels[1]!;
    const kpi = {
      ...kpiPanel.kpi!,
      partial: true,
      coverage: 0.4,
      improvementPercent: null,
      progressPercent: null,
      caveat: 'The baseline is 0, so there is no percentage to compare.',
    };
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: { ...dashboard, panels: [{ ...kpiPanel, kpi }] } } }) });
    renderApp(URL_PATH);

    const region = await screen.findByRole('region', { name: 'Time from closed deal to invoice sent' });
    expect(within(region).getByText('Partial data')).toBeTruthy();
    // 40% of the 91 days: 36.4 days of data.
    expect(figure(region, 'After: 1 Sep 2026 – 30 Nov 2026')).toContain('From 36 days of data in this 91-day range (40% of it).');
    expect(within(region).getByText('The baseline is 0, so there is no percentage to compare.')).toBeTruthy();
    expect(within(region).queryByText(/better than before/)).toBeNull();
  });

  it('says "No data in this range" for a range with nothing measured, and how few days a headline stands on', async () => {
    const dashboard = aDashboard({ range: aResolvedRange({ start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z', days: 30, label: '1 Jun 2026 – 30 Jun 2026' }) });
    const panels = dashboard.panels.map((panel) => {
      switch (panel.kind) {
        case 'kpi_before_after':
          return panel.kpi
            ? { ...panel, kpi: { ...panel.kpi, after: null, noData: true, coverage: 0, delta: null, improvementPercent: null, progressPercent: null, change: null } }
            : panel;
        case 'kpi_trend':
          return panel.trend ? { ...panel, trend: { ...panel.trend, points: panel.trend.points.map((point) => ({ ...point, value: null })) } } : panel;
        case 'slo_table':
          return { ...panel, slos: (panel.slos ?? []).map((row) => ({ ...row, attainmentPercent: null, good: 0, total: 0 })) };
        case 'program_totals':
          return { ...panel, totals: someProgramTotals({ hoursSaved: null, hoursSavedItems: [], money: [] }) };
        case 'dead_letter_backlog':
          return panel;
      }
    });
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: { ...dashboard, panels } } }) });
    renderApp(URL_PATH);

    const totals = await screen.findByRole('region', { name: 'Hours and money won back' });
    expect(figure(totals, 'Staff time saved')).toContain('No data in this range');
    expect(totals.textContent).not.toContain('0 hours');
    expect(figure(panel('Time from closed deal to invoice sent'), 'After: 1 Sep 2026 – 30 Nov 2026')).toContain('No data in this range');
    expect(figure(panel('Revenue invoiced too late for the month-end close'), 'Latest week')).toContain('No data in this range');
    expect(within(panel('Are the promises kept?')).getAllByText('No data in this range').length).toBeGreaterThan(0);
  });

  it('says how many days of a 90-day range the staff time saved stands on', async () => {
    const dashboard = aDashboard();
    const totals = someProgramTotals({
      hoursSaved: 6.2,
      // (41 − 10) touches a day × 12 minutes × 1 day ÷ 60 = 6.2 hours
      hoursSavedItems: [
        { automation: 'invoice-generation', kpi: 'manual-touches', kpiTitle: 'Invoices fixed by hand', touchesAvoidedPerDay: 31, minutesPerTouch: 12, days: 1, hours: 6.2 },
      ],
    });
    const panels = dashboard.panels.map((panel) => (panel.kind === 'program_totals' ? { ...panel, totals } : panel));
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: { ...dashboard, panels } } }) });
    renderApp(URL_PATH);

    const region = await screen.findByRole('region', { name: 'Hours and money won back' });
    expect(figure(region, 'Staff time saved')).toContain('6.2 hours');
    expect(figure(region, 'Staff time saved')).toContain('From 1 day of data in this 91-day range');
  });

  it('keeps the range in the URL and asks again for it: presets and custom days', async () => {
    const api = mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: aDashboard() } }) });
    renderApp(URL_PATH);

    const presets = await screen.findByRole('group', { name: 'Date range' });
    expect(within(presets).getByRole('button', { name: 'Last 90 days' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(presets).getByRole('button', { name: 'Last 30 days' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`${URL_PATH}?last=30d`));
    await waitFor(() => expect(api.calls('Dashboard').at(-1)?.variables).toEqual({ name: 'finance-automation-program', range: { last: '30d' } }));

    const custom = screen.getByRole('form', { name: 'Custom dates' });
    fireEvent.change(within(custom).getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(within(custom).getByLabelText('To (included)'), { target: { value: '2026-09-30' } });
    fireEvent.click(within(custom).getByRole('button', { name: 'Show these dates' }));
    expect(within(custom).getByRole('alert').textContent).toBe('The first day must not be after the last day.');
    expect(screen.getByTestId('location').textContent).toBe(`${URL_PATH}?last=30d`);

    fireEvent.change(within(custom).getByLabelText('To (included)'), { target: { value: '2026-10-31' } });
    fireEvent.click(within(custom).getByRole('button', { name: 'Show these dates' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`${URL_PATH}?from=2026-10-01&to=2026-10-31`));
    await waitFor(() => expect(api.calls('Dashboard').at(-1)?.variables).toEqual({ name: 'finance-automation-program', range: { from: '2026-10-01', to: '2026-10-31' } }));
  });

  it('shows the api’s reason for a range it refuses, and a way back to the usual dates', async () => {
    const MESSAGE = 'The date range is not valid. range.last: found "forever"; allowed: a duration like 30d.';
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Dashboard: ({ range }) =>
        range?.last === 'forever'
          ? graphqlError('BAD_USER_INPUT', MESSAGE, [{ path: 'range.last', message: 'range.last: found "forever"; allowed: a duration like 30d', found: '"forever"' }])
          : { data: { dashboard: aDashboard() } },
    });
    renderApp(`${URL_PATH}?last=forever`);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('These dates cannot be shown');
    expect(alert.textContent).toContain(MESSAGE);
    expect(screen.getByRole('group', { name: 'Date range' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the dashboard’s usual dates' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Finance automation program' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(URL_PATH);
  });

  it('copies a link with the range written in, and shows the link when the browser will not copy', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: aDashboard() } }) });
    renderApp(URL_PATH);

    fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${window.location.origin}${URL_PATH}?last=90d`));
    expect(await screen.findByText('Link copied. Anyone who can sign in sees these dates.')).toBeTruthy();

    setClipboard({ writeText: vi.fn(() => Promise.reject(new Error('denied'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const manual = await screen.findByLabelText(/The browser did not allow copying/);
    expect((manual as HTMLInputElement).value).toBe(`${window.location.origin}${URL_PATH}?last=90d`);
  });

  it('downloads a panel’s data as CSV named after the dashboard and the panel', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    vi.stubGlobal('URL', Object.assign(globalThis.URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: aDashboard() } }) });
    renderApp(URL_PATH);

    const slos = await screen.findByRole('region', { name: 'Are the promises kept?' });
    fireEvent.click(within(slos).getByRole('button', { name: 'Download CSV' }));
    expect(downloads).toEqual(['finance-automation-program-are-the-promises-kept.csv']);
    const text = await blobs[0]!.text();
    expect(text).toContain('Automation,SLO,Objective (%)');
    expect(text).toContain('Invoice generation from closed-won deals,99.5% of closed-won deals invoiced without a manual touch,99.5,30d,99.41');
  });

  it('says so when there is no such dashboard', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => ({ data: { dashboard: null } }) });
    renderApp('/dashboards/q3-board-pack');

    const notFound = await screen.findByRole('region', { name: 'No dashboard called “q3-board-pack”' });
    expect(within(notFound).getByRole('link', { name: 'all dashboards' }).getAttribute('href')).toBe('/dashboards');
  });

  it('shows the api’s error with a way to try again', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboard: () => graphqlError('INTERNAL_SERVER_ERROR', 'The rollups are being rebuilt.') });
    renderApp(URL_PATH);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This dashboard could not be loaded');
    expect(alert.textContent).toContain('The rollups are being rebuilt.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
