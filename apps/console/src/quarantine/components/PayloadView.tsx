import { useMemo } from 'react';
import styles from './Quarantine.module.css';

/** The JSON text, indented; text that is not JSON (which is often why it was quarantined) as received. */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** The event as received, collapsed until asked for. */
export function PayloadView({ payload }: { payload: string }) {
  const text = useMemo(() => pretty(payload), [payload]);
  return (
    <details className={styles.payload}>
      <summary>Payload</summary>
      <pre className={`code-block ${styles.payloadBody}`} tabIndex={0} aria-label="Payload as received">
        <code>{text}</code>
      </pre>
    </details>
  );
}
