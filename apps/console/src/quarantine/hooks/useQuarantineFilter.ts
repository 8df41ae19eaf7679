import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The quarantine list's automation filter, in the URL (`?automation=invoice-generation`). */
export function useQuarantineFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const automation = searchParams.get('automation') || null;
  const setAutomation = useCallback(
    (slug: string) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (slug) {
          next.set('automation', slug);
        } else {
          next.delete('automation');
        }
        return next;
      });
    },
    [setSearchParams],
  );
  return { automation, setAutomation };
}
