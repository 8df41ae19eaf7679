import type { HTMLAttributes, ReactNode } from 'react';
import styles from './State.module.css';

interface StateProps extends Omit<HTMLAttributes<HTMLElement>, 'className'> {
  /** `section` when the state is a part of the page named by its title (`aria-labelledby`); `div` (the default) otherwise. */
  as?: 'div' | 'section';
  /** `error`: a load that failed, tinted red. */
  tone?: 'neutral' | 'error';
  children: ReactNode;
}

/**
 * A box in the middle of the page that says why there is nothing to show and what to do: an empty list, a page
 * the person may not use, a failed load. Give it `role="status"` (or `alert` for a failure) and its title's id.
 */
export function State({ as: Element = 'div', tone = 'neutral', ...element }: StateProps) {
  return <Element {...element} className={tone === 'error' ? `${styles.state} ${styles.error}` : styles.state} />;
}

/** A state's heading, at the level the page needs (h1 when the state is the whole page). */
export function StateTitle({ level = 2, id, children }: { level?: 1 | 2 | 3; id?: string; children: ReactNode }) {
  const Heading = level === 1 ? 'h1' : level === 3 ? 'h3' : 'h2';
  return (
    <Heading id={id} className={styles.title}>
      {children}
    </Heading>
  );
}

/** What the state means and what to do next; `div` when it holds paragraphs of its own. */
export function StateText({ as: Element = 'p', children }: { as?: 'p' | 'div'; children: ReactNode }) {
  return <Element className={styles.text}>{children}</Element>;
}

/** A word above the title ("404 · Not found"). */
export function StateEyebrow({ children }: { children: ReactNode }) {
  return <p className={styles.eyebrow}>{children}</p>;
}
