import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anAutomation } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AutomationPage } from './AutomationPage';

describe(AutomationPage.name, () => {
  it('shows a file-managed automation as read-only, with where to edit it', async () => {
    mockApi({ Automation: () => ({ data: { automation: anAutomation() } }) });
    renderApp('/automations/invoice-generation');

    await screen.findByRole('heading', { level: 1, name: 'Invoice generation from closed-won deals' });
    expect(screen.getByText(/edit the file and the catalog will sync/).textContent).toContain('catalog/automations/invoice-generation.yaml');
    const edit = screen.getByRole<HTMLButtonElement>('button', { name: 'Edit' });
    expect(edit.disabled).toBe(true);
    expect(edit.getAttribute('title')).toBe('Managed in Git: catalog/automations/invoice-generation.yaml — edit the file and the catalog will sync');
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();

    // The SLO in plain words, and the on-call schedule (the overview tab is a chunk of its own).
    expect(await screen.findByText('95% of runs under 15m over 30d')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'On-call schedule' }).getAttribute('href')).toBe('https://northwind.pagerduty.example/schedules/FINOPS');
  });

  it('shows Backstage annotations, well-known ones as links, and labels', async () => {
    mockApi({
      Automation: () => ({
        data: {
          automation: anAutomation({
            system: 'order-to-cash',
            annotations: [
              { key: 'github.com/project-slug', value: 'northwind/invoicing', label: 'GitHub project', url: 'https://github.com/northwind/invoicing' },
              { key: 'northwind.example/cost-center', value: 'CC-1200', label: null, url: null },
            ],
            labels: [{ key: 'tier', value: 'critical' }],
          }),
        },
      }),
    });
    renderApp('/automations/invoice-generation');

    const section = await screen.findByRole('region', { name: 'Annotations' });
    expect(within(section).getByRole('link', { name: 'GitHub project' }).getAttribute('href')).toBe('https://github.com/northwind/invoicing');
    expect(within(section).getByText('CC-1200')).toBeTruthy();
    expect(within(section).getByText('critical')).toBeTruthy();
    expect(screen.getByText('order-to-cash')).toBeTruthy();
  });

  it('renders runbook Markdown without the HTML or script links hidden in it', async () => {
    mockApi({
      Automation: () => ({
        data: {
          automation: anAutomation({
            runbooks: [
              {
                id: 'reprocess-dead-letters',
                title: 'Reprocess dead letters',
                path: null,
                markdown: [
                  '## Steps',
                  '1. Group by error',
                  '<img src="x" onerror="alert(1)"><script>alert(2)</script>',
                  '[do not click](javascript:alert(3))',
                  '',
                  '| error | fix |',
                  '| --- | --- |',
                  '| 429 | wait |',
                ].join('\n'),
              },
            ],
          }),
        },
      }),
    });
    renderApp('/automations/invoice-generation');

    const runbook = await screen.findByRole('article', { name: 'Reprocess dead letters' });
    await within(runbook).findByRole('heading', { name: 'Steps' });
    expect(runbook.querySelector('script, img, [onerror]')).toBeNull();
    expect(within(runbook).getByText('do not click').getAttribute('href') ?? '').not.toContain('javascript');
    // GitHub-flavoured tables work.
    expect(within(runbook).getByRole('table')).toBeTruthy();
  });

  it('archives an editable automation only after saying what that does', async () => {
    const editable = anAutomation({ source: 'console', sourceFile: null, canEdit: true, editBlockedReason: null });
    const api = mockApi({
      Automation: () => ({ data: { automation: editable } }),
      ArchiveAutomation: () => ({ data: { archiveAutomation: { ...editable, archivedAt: '2026-06-01T10:00:00Z' } } }),
    });
    renderApp('/automations/invoice-generation');

    fireEvent.click(await screen.findByRole('button', { name: 'Archive' }));
    const dialog = screen.getByRole('dialog', { name: 'Archive “Invoice generation from closed-won deals”?' });
    expect(dialog.textContent).toContain('takes invoice-generation out of the catalog list');
    expect(api.calls('ArchiveAutomation')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive automation' }));

    expect(await screen.findByText(/It no longer appears in the catalog list/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('ArchiveAutomation')[0]?.variables).toEqual({ slug: 'invoice-generation' });
  });

  it('shows the YAML export with a copy button', async () => {
    mockApi({
      Automation: () => ({ data: { automation: anAutomation() } }),
      ExportAutomation: () => ({ data: { exportAutomation: 'apiVersion: roundhouse.dev/v1\nkind: Automation\n' } }),
    });
    renderApp('/automations/invoice-generation');

    fireEvent.click(await screen.findByRole('button', { name: 'Export YAML' }));
    const dialog = screen.getByRole('dialog', { name: 'Export invoice-generation as YAML' });
    expect((await within(dialog).findByLabelText('Catalog YAML')).textContent).toContain('kind: Automation');
    expect(within(dialog).getByRole('button', { name: 'Copy YAML' })).toBeTruthy();
  });

  it('shows a designed not-found page for an unknown slug', async () => {
    mockApi({ Automation: ({ slug }) => graphqlError('NOT_FOUND', `No automation "${slug}"`) });
    renderApp('/automations/no-such-thing');

    expect(await screen.findByRole('heading', { level: 1, name: 'No automation called “no-such-thing”' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the catalog' }).getAttribute('href')).toBe('/');
  });
});
