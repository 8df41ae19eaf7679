import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aViewer } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DashboardsPage } from './DashboardsPage';

describe(DashboardsPage.name, () => {
  it('lists the dashboards with their owner, panels and file, from the main navigation', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Dashboards: () => ({
        data: {
          dashboards: [
            {
              name: 'finance-automation-program',
              title: 'Finance automation program',
              description: 'What the three finance automations changed.',
              owner: 'finance-ops',
              path: 'dashboards/finance-automation-program.yaml',
              panelCount: 11,
              defaultRange: { last: '90d', from: null, to: null },
            },
          ],
        },
      }),
    });
    renderApp('/dashboards');

    const link = await screen.findByRole('link', { name: 'Finance automation program' });
    expect(link.getAttribute('href')).toBe('/dashboards/finance-automation-program');
    const card = link.closest('li')!;
    expect(card.textContent).toContain('Owned by finance-ops · 11 panels · defined in dashboards/finance-automation-program.yaml');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboards' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Alerts' }).getAttribute('href')).toBe('/alerts');
  });

  it('explains where dashboards come from when there are none', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Dashboards: () => ({ data: { dashboards: [] } }) });
    renderApp('/dashboards');

    const empty = await screen.findByRole('region', { name: 'No dashboards yet' });
    expect(empty.textContent).toContain('one YAML file per dashboard in the dashboards/ folder');
    expect(empty.textContent).toContain('npm run dashboards -- validate');
  });
});
