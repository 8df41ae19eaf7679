import type { ReactNode } from 'react';

/** A titled panel of the automation page. */
export function PageSection({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel__header">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
