import type { ReactNode } from 'react';
import { ButtonLink } from '@/shared/ui/Button';
import { State, StateEyebrow, StateText, StateTitle } from '@/shared/ui/State';

interface NotFoundStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** Where the way out leads, and what it says (the catalog unless told). */
  back?: { to: string; label: string };
}

export function NotFoundState({ title, children, back = { to: '/', label: 'Back to the catalog' } }: NotFoundStateProps) {
  return (
    <State as="section" aria-labelledby="not-found-title">
      <StateEyebrow>404 · Not found</StateEyebrow>
      <StateTitle id="not-found-title" level={1}>
        {title}
      </StateTitle>
      {children ? <StateText as="div">{children}</StateText> : null}
      <ButtonLink to={back.to}>{back.label}</ButtonLink>
    </State>
  );
}
