import { useId } from 'react';
import styles from './InfoTip.module.css';

interface InfoTipProps {
  /** What the tip is about, for the button's name: "How throughput is computed". */
  label: string;
  /** The explanation, in plain words. */
  children: string;
}

/**
 * A small "?" that explains a number on hover or keyboard focus. The text is always in the page
 * (shown on demand) and describes the button, so screen readers hear it without hovering.
 */
export function InfoTip({ label, children }: InfoTipProps) {
  const id = useId();
  return (
    <span className={styles.tip}>
      <button type="button" className={styles.button} aria-label={label} aria-describedby={id}>
        ?
      </button>
      <span role="tooltip" id={id} className={styles.text}>
        {children}
      </span>
    </span>
  );
}
