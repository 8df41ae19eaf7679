import type { ReactNode } from 'react';
import styles from './ListCount.module.css';

/** How many rows the list below shows ("Showing 12 automations"), announced as it changes. */
export function ListCount({ children }: { children: ReactNode }) {
  return (
    <p className={styles.count} role="status" aria-live="polite">
      {children}
    </p>
  );
}
