import { useHref } from 'react-router';
import { Button } from '@/shared/ui/Button';
import { useCopyLink } from '../hooks/useCopyLink';
import styles from './ShareLinkButton.module.css';

/**
 * "Copy link": the dashboard's address with its range written in, so whoever opens it sees the same
 * dates even if the dashboard's default changes. Without clipboard access, the link is shown to copy.
 */
export function ShareLinkButton({ path }: { path: string }) {
  const href = useHref(path);
  const url = new URL(href, window.location.origin).href;
  const { state, copy } = useCopyLink();
  return (
    <div className={styles.shareLink}>
      <Button onClick={() => void copy(url)}>Copy link</Button>
      <span role="status" className={styles.status}>
        {state.status === 'copied' ? 'Link copied. Anyone who can sign in sees these dates.' : null}
      </span>
      {state.status === 'manual' ? (
        <label className={styles.manual}>
          The browser did not allow copying. Copy this link:
          <input type="text" readOnly value={state.url} onFocus={(event) => event.currentTarget.select()} className="mono" />
        </label>
      ) : null}
    </div>
  );
}
