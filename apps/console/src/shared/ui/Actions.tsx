import type { HTMLAttributes, ReactNode } from 'react';
import styles from './Actions.module.css';

interface ActionsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className'> {
  children: ReactNode;
}

/** A row of buttons. Give it `role="group"` and an `aria-label` when the buttons act on one thing ("Control this request"). */
export function Actions({ children, ...div }: ActionsProps) {
  return (
    <div {...div} className={styles.actions}>
      {children}
    </div>
  );
}

/** Why the buttons beside it are disabled, in words; its `id` is what the disabled buttons' `aria-describedby` names. */
export function ActionsReason({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className={styles.reason} id={id}>
      {children}
    </span>
  );
}
