import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { DEFAULT_HEALTH_WINDOW, type HealthWindow, healthWindowFrom } from '../healthWindow';

const DEFAULT: { window: HealthWindow } = { window: DEFAULT_HEALTH_WINDOW };
const readWindow = (params: URLSearchParams) => ({ window: healthWindowFrom(params.get('window')) });

/** The health window, kept in the URL (`?window=7d`) so a link shares the view. */
export function useHealthWindow() {
  const { values, set } = useUrlState(readWindow, DEFAULT);
  const setHealthWindow = useCallback((next: HealthWindow) => set({ window: next }), [set]);
  return { healthWindow: values.window, setHealthWindow };
}
