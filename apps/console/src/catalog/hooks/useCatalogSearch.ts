import { useCallback, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@/shared/hooks/useDebouncedValue';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search box's text: typed freely, committed to the URL once typing pauses (or on Enter), and
 * reset when the URL changes under it (clear filters, back button).
 */
export function useCatalogSearch(committed: string, commit: (value: string) => void) {
  const [text, setText] = useState(committed);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const lastCommitted = useRef(committed);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  const commitNow = useCallback((value: string) => {
    const words = value.trim();
    if (words !== lastCommitted.current) {
      lastCommitted.current = words;
      commitRef.current(words);
    }
  }, []);

  // Typing paused: write the words to the URL.
  useEffect(() => commitNow(debounced), [debounced, commitNow]);

  // The URL changed by other means: show what it says.
  useEffect(() => {
    if (committed !== lastCommitted.current) {
      lastCommitted.current = committed;
      setText(committed);
    }
  }, [committed]);

  return { text, setText, commitNow: () => commitNow(text) };
}
