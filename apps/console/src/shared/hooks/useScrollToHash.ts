import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element named by the URL's #fragment into view once the page has rendered it. A router
 * link to `/automations/x#runbook-y` changes the page without the browser's own jump to the anchor.
 */
export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.length <= 1) {
      return;
    }
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView?.({ block: 'start' });
  }, [hash]);
}
