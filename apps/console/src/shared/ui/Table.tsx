import type { TableHTMLAttributes, TdHTMLAttributes } from 'react';
import styles from './Table.module.css';

interface TableProps extends TableHTMLAttributes<HTMLTableElement> {
  /** Without its box: a table inside another table's cell, which already scrolls. */
  unboxed?: boolean;
}

/**
 * A table in a box that scrolls sideways on a narrow screen: give it a name (`aria-label`, `aria-labelledby` or a
 * `<caption>`), a `<thead>` with `<th scope="col">`s and a `<tbody>`.
 */
export function Table({ className, unboxed = false, ...table }: TableProps) {
  const element = <table {...table} className={className === undefined ? styles.table : `${styles.table} ${className}`} />;
  return unboxed ? element : <div className={styles.scroll}>{element}</div>;
}

/** A cell holding a number: aligned right, its digits of equal width, so a column reads at a glance. */
export function NumericCell({ className, ...cell }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...cell} className={className === undefined ? styles.numeric : `${styles.numeric} ${className}`} />;
}
