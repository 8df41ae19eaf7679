import { useCallback, useState } from 'react';

export type CopyState = { status: 'idle' } | { status: 'copied' } | { status: 'manual'; url: string };

/** Copies a link to the clipboard; where the browser refuses (no clipboard, no permission), hands the link back to copy by hand. */
export function useCopyLink() {
  const [state, setState] = useState<CopyState>({ status: 'idle' });
  const copy = useCallback(async (url: string) => {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(url);
      setState({ status: 'copied' });
    } catch {
      setState({ status: 'manual', url });
    }
  }, []);
  return { state, copy };
}
