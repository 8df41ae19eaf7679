/** A grey bar where text will be; hidden from assistive technology (pair it with a status message). */
export function SkeletonLine({ width = '100%' }: { width?: string }) {
  return <span className="skeleton" style={{ width }} aria-hidden="true" />;
}

export function LoadingMessage({ children }: { children: string }) {
  return (
    <p role="status" className="visually-hidden">
      {children}
    </p>
  );
}
