import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aRun, aViewer } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AppLayout } from './AppLayout';

function runsPage() {
  return { data: { runs: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: 'run-0001', node: aRun() }] } } };
}

describe(AppLayout.name, () => {
  it('folds the sections behind a Menu button that says whether it is open, and closes it on the next page', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Runs: runsPage });
    renderApp('/runs');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu.getAttribute('aria-controls')).toBe(nav.id);
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(nav).getByRole('link', { name: 'Alerts' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/alerts'));
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    // Escape closes it too, and the keyboard is back on the button.
    fireEvent.click(menu);
    fireEvent.keyDown(within(nav).getByRole('link', { name: 'Runs' }), { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('opens every new page at its top, but keeps the place when only a filter changes', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Runs: runsPage });
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderApp('/runs');
    await screen.findByRole('row', { name: /run-0001/ });
    expect(scrollTo).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/runs?status=failed'));
    expect(scrollTo).not.toHaveBeenCalled();

    fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Dead letters' }));
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith({ top: 0, left: 0 }));
    expect(screen.getByTestId('location').textContent).toBe('/dead-letters');
  });
});
