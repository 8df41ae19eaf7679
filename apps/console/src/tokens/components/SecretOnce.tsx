import { useEffect, useState } from 'react';
import { formatDateTime } from '@/shared/format/dates';
import { Actions } from '@/shared/ui/Actions';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field, FieldHint } from '@/shared/ui/Field';
import { PanelTitle } from '@/shared/ui/Panel';
import styles from './RuntimeTokens.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

interface SecretOnceProps {
  name: string;
  secret: string;
  /** For a rotation: the old token, and when it stops working. */
  replaced?: { prefix: string; expiresAt: string };
  onDone: () => void;
}

/**
 * The new token's secret, shown this once. Roundhouse keeps only its hash, so the page asks before
 * the tab is closed or reloaded while it is on screen; leaving the page forgets it.
 */
export function SecretOnce({ name, secret, replaced, onDone }: SecretOnceProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const copyToClipboard = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className={styles.secretOnce} aria-labelledby="secret-once-title">
      <PanelTitle id="secret-once-title">Copy the token “{name}” now</PanelTitle>
      <Banner tone="caution">
        <span className="strong">You will not see it again.</span> Roundhouse keeps only a hash of it. Store it where the runtime reads its secrets (e.g.{' '}
        <code>ROUNDHOUSE_TOKEN</code>); if it is lost, revoke it and create another.
      </Banner>
      {replaced ? (
        <p>
          The old token <code>{replaced.prefix}…</code>{' '}
          {new Date(replaced.expiresAt).getTime() > Date.now() ? (
            <>
              keeps working until <time dateTime={replaced.expiresAt}>{formatDateTime(replaced.expiresAt)}</time>: deploy the new one before then.
            </>
          ) : (
            'had already expired: deploy the new one now.'
          )}
        </p>
      ) : null}
      <Field id="token-secret" label="Runtime token">
        {(control) => (
          <>
            <div className={styles.secretRow}>
              <input {...control} className="mono" readOnly value={secret} onFocus={(event) => event.target.select()} spellCheck={false} />
              <Button variant="primary" onClick={() => void copyToClipboard()}>
                Copy token
              </Button>
            </div>
            <FieldHint role="status">{copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}</FieldHint>
          </>
        )}
      </Field>
      <Actions>
        <Button onClick={onDone}>I have stored it</Button>
      </Actions>
    </section>
  );
}
