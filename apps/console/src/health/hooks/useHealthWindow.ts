import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_HEALTH_WINDOW, type HealthWindow, healthWindowFrom } from '../healthWindow';

/** The health window, kept in the URL (`?window=7d`) so a link shares the view. */
export function useHealthWindow() {
  const [searchParams, setSearchParams] = useSearchParams();
  const healthWindow = healthWindowFrom(searchParams.get('window'));
  const setHealthWindow = useCallback(
    (next: HealthWindow) => {
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (next === DEFAULT_HEALTH_WINDOW) {
          params.delete('window');
        } else {
          params.set('window', next);
        }
        return params;
      });
    },
    [setSearchParams],
  );
  return { healthWindow, setHealthWindow };
}
