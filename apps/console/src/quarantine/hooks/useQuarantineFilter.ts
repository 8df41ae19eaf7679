import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';

const NO_AUTOMATION = { automation: '' };
const readAutomation = (params: URLSearchParams) => ({ automation: params.get('automation') ?? '' });

/** The quarantine list's automation filter, in the URL (`?automation=invoice-generation`). */
export function useQuarantineFilter() {
  const { values, set } = useUrlState(readAutomation, NO_AUTOMATION);
  const setAutomation = useCallback((slug: string) => set({ automation: slug }), [set]);
  return { automation: values.automation || null, setAutomation };
}
