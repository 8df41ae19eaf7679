import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A page's state as the URL holds it, by parameter name: text, or a switch (written `=1`). */
export type UrlValues<V> = { [K in keyof V]: string | boolean };

export interface UrlState<V extends UrlValues<V>> {
  /** The values read from the URL; anything missing or not allowed reads as its default. */
  values: V;
  /** Writes some values in one history entry (a new one unless `replace`); a default or blank value leaves the URL. */
  set: (changes: Partial<V>, options?: { replace?: boolean }) => void;
  /** Takes every value of this state out of the URL (other parameters stay). */
  clear: () => void;
  /** Whether any value differs from its default. */
  changed: boolean;
}

/**
 * State kept in the URL query string, so the address is the link that shares the view (filters,
 * windows, ranges). `read` parses and checks the parameters (it must be a stable function);
 * `defaults` are what an absent parameter means, and are never written.
 */
export function useUrlState<V extends UrlValues<V>>(read: (params: URLSearchParams) => V, defaults: V): UrlState<V> {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = useMemo(() => read(searchParams), [read, searchParams]);

  const set = useCallback(
    (changes: Partial<V>, { replace = false }: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes) as [keyof V & string, string | boolean | undefined][]) {
            const written = value === true ? '1' : value === false || value === undefined ? '' : value;
            if (written.trim() === '' || value === defaults[name]) {
              next.delete(name);
            } else {
              next.set(name, written);
            }
          }
          return next;
        },
        { replace },
      );
    },
    [setSearchParams, defaults],
  );

  const clear = useCallback(() => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      Object.keys(defaults).forEach((name) => next.delete(name));
      return next;
    });
  }, [setSearchParams, defaults]);

  const changed = (Object.keys(defaults) as (keyof V)[]).some((name) => values[name] !== defaults[name]);
  return { values, set, clear, changed };
}
