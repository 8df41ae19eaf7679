import type { ButtonHTMLAttributes, ReactNode } from 'react';
import styles from './Segmented.module.css';

/** A segmented control: a group of toggle buttons (`SegmentedOption`), one of them pressed; `label` names the group. */
export function Segmented({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.segmented} role="group" aria-label={label}>
      {children}
    </div>
  );
}

interface SegmentedOptionProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'aria-pressed'> {
  /** The chosen option: filled, and announced as pressed. */
  active: boolean;
}

/** One option of a `Segmented` control. */
export function SegmentedOption({ active, children, ...button }: SegmentedOptionProps) {
  return (
    <button {...button} type="button" className={active ? `${styles.option} ${styles.active}` : styles.option} aria-pressed={active}>
      {children}
    </button>
  );
}
