import { type ReactNode, useEffect, useRef } from 'react';
import { Banner } from '@/shared/ui/Banner';

/**
 * What a save or a registration did, said where the person looks next: on screen, with the keyboard
 * and the screen reader's focus moved to it when it appears.
 */
export function Confirmation({ children, label = 'Done' }: { children: ReactNode; label?: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Banner ref={ref} tone="good" as="div" role="status" aria-label={label} tabIndex={-1}>
      {children}
    </Banner>
  );
}

/** The confirmation a page hands to the next one through the router's state (`navigate(to, { state })`). */
export interface ConfirmationState {
  confirmation: string;
}

export function confirmationFrom(state: unknown): string | undefined {
  return typeof state === 'object' && state !== null && typeof (state as Partial<ConfirmationState>).confirmation === 'string'
    ? (state as ConfirmationState).confirmation
    : undefined;
}
