import styles from './Skeleton.module.css';

/** A grey bar where text will be; hidden from assistive technology (pair it with a status message). */
export function SkeletonLine({ width = '100%' }: { width?: string }) {
  return <span className={styles.line} style={{ width }} aria-hidden="true" />;
}

export function LoadingMessage({ children }: { children: string }) {
  return (
    <p role="status" className="visually-hidden">
      {children}
    </p>
  );
}
