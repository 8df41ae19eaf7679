import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlState } from './useUrlState';

interface Filters {
  status: string;
  q: string;
  archived: boolean;
}

const DEFAULTS: Filters = { status: 'pending', q: '', archived: false };
const read = (params: URLSearchParams): Filters => ({
  status: ['pending', 'failed'].includes(params.get('status') ?? '') ? (params.get('status') as string) : 'pending',
  q: params.get('q') ?? '',
  archived: params.get('archived') === '1',
});

function renderAt(url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  return renderHook(
    () => {
      const location = useLocation();
      return { state: useUrlState(read, DEFAULTS), url: `${location.pathname}${location.search}` };
    },
    { wrapper },
  );
}

describe(useUrlState.name, () => {
  it('reads the URL, a value it does not allow as the default, and says whether anything differs from the defaults', () => {
    const { result } = renderAt('/list?status=nonsense&q=429&archived=1');
    expect(result.current.state.values).toEqual({ status: 'pending', q: '429', archived: true });
    expect(result.current.state.changed).toBe(true);
    expect(renderAt('/list?status=pending').result.current.state.changed).toBe(false);
  });

  it('writes several values at once, leaves defaults and blanks out of the URL, and writes a switch as 1', () => {
    const { result } = renderAt('/list?teams=all&q=old');
    act(() => result.current.state.set({ status: 'failed', q: '  ', archived: true }));
    expect(result.current.url).toBe('/list?teams=all&status=failed&archived=1');
    act(() => result.current.state.set({ status: 'pending', archived: false }));
    expect(result.current.url).toBe('/list?teams=all');
  });

  it('clears only its own values, keeping the other parameters of the URL', () => {
    const { result } = renderAt('/list?teams=all&status=failed&q=429');
    act(() => result.current.state.clear());
    expect(result.current.url).toBe('/list?teams=all');
    expect(result.current.state.changed).toBe(false);
  });
});
