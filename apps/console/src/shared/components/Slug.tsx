import type { ReactNode } from 'react';
import styles from './Slug.module.css';

/** A row's machine name (an automation's slug, an SLO's name, a token's prefix) on its own line under the row's title. */
export function Slug({ children, as: Element = 'span' }: { children: ReactNode; as?: 'span' | 'code' }) {
  return <Element className={styles.slug}>{children}</Element>;
}
