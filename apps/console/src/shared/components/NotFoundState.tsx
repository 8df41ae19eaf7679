import type { ReactNode } from 'react';
import { ButtonLink } from '@/shared/ui/Button';

interface NotFoundStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** Where the way out leads, and what it says (the catalog unless told). */
  back?: { to: string; label: string };
}

export function NotFoundState({ title, children, back = { to: '/', label: 'Back to the catalog' } }: NotFoundStateProps) {
  return (
    <section className="state state--not-found" aria-labelledby="not-found-title">
      <p className="state__eyebrow">404 · Not found</p>
      <h1 id="not-found-title" className="state__title">
        {title}
      </h1>
      {children ? <div className="state__text">{children}</div> : null}
      <ButtonLink to={back.to}>{back.label}</ButtonLink>
    </section>
  );
}
