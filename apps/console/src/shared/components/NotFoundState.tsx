import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface NotFoundStateProps {
  title: string;
  children?: ReactNode;
}

export function NotFoundState({ title, children }: NotFoundStateProps) {
  return (
    <section className="state state--not-found" aria-labelledby="not-found-title">
      <p className="state__eyebrow">404 · Not found</p>
      <h1 id="not-found-title" className="state__title">
        {title}
      </h1>
      {children ? <div className="state__text">{children}</div> : null}
      <Link className="button" to="/">
        Back to the catalog
      </Link>
    </section>
  );
}
