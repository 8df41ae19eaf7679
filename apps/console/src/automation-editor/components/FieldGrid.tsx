import type { ReactNode } from 'react';
import styles from './FieldGrid.module.css';

const COLUMN_CLASSES = { 2: styles.columns2, 3: styles.columns3, 4: styles.columns4 } as const;

/** Fields side by side, `columns` a row (one a row on a narrow screen). */
export function FieldGrid({ columns, children }: { columns: 2 | 3 | 4; children: ReactNode }) {
  return <div className={`${styles.grid} ${COLUMN_CLASSES[columns]}`}>{children}</div>;
}
