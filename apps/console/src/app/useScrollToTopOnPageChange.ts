import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * A new page starts at its top, as a page load would: the browser keeps the scroll position across
 * client-side navigation otherwise, and the next page opens half-way down. Only the path counts: a
 * filter or a page of results (the query string) keeps the reader where they are, and a link to a
 * place in the page (`#slo-…`) is left to `useScrollToHash`.
 */
export function useScrollToTopOnPageChange(): void {
  const { pathname, hash } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    if (hash === '') {
      window.scrollTo({ top: 0, left: 0 });
    }
  }, [pathname, hash]);
}
