import { LoadingMessage, SkeletonLine } from './Skeleton';
import styles from './TableSkeleton.module.css';

const ROWS = 6;

interface TableSkeletonProps {
  /** Announced while loading, e.g. "Loading runs…". */
  message: string;
  /** The widths of a row's four grey lines. */
  widths: (row: number) => readonly [string, string, string, string];
}

/** Six rows of four grey lines where a table will be, and a status message saying what loads. */
export function TableSkeleton({ message, widths }: TableSkeletonProps) {
  return (
    <div className={styles.skeleton} aria-busy="true">
      <LoadingMessage>{message}</LoadingMessage>
      {Array.from({ length: ROWS }, (_, row) => (
        <div className={styles.row} key={row}>
          {widths(row).map((width, column) => (
            <SkeletonLine key={column} width={width} />
          ))}
        </div>
      ))}
    </div>
  );
}
