import type { HTMLAttributes, ReactNode } from 'react';
import styles from './Panel.module.css';

interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, 'className'> {
  /**
   * The element: `section` (the default) for a part of the page named by its title (`aria-labelledby`), `article`
   * for one of a list of things, `li` in a list, `div` for a box with no name of its own.
   */
  as?: 'section' | 'article' | 'li' | 'div';
  /** The caller's own class (`stack`, its layout). */
  className?: string;
  children: ReactNode;
}

/** A white, bordered box for one part of a page. */
export function Panel({ as: Element = 'section', className, ...element }: PanelProps) {
  return <Element {...element} className={className === undefined ? styles.panel : `${styles.panel} ${className}`} />;
}

/** A panel's title and, beside it, what acts on the panel (a window picker, "Show all"). */
export function PanelHeader({ children }: { children: ReactNode }) {
  return <div className={styles.header}>{children}</div>;
}

interface PanelTitleProps {
  /** The heading's level: 2 on a page, 3 in a list under a page's own h2. */
  level?: 2 | 3;
  /** What the panel's `aria-labelledby` names. */
  id?: string;
  children: ReactNode;
}

/** A panel's heading. */
export function PanelTitle({ level = 2, id, children }: PanelTitleProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <Heading id={id} className={styles.title}>
      {children}
    </Heading>
  );
}
