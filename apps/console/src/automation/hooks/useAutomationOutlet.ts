import { useOutletContext } from 'react-router';
import type { AutomationDetailFragment } from '@/gql/graphql';

export interface AutomationOutletContext {
  automation: AutomationDetailFragment;
}

/** The automation loaded by AutomationPage, for its tabs (Overview, Health, SLOs, Runs, Reprocessing). */
export function useAutomationOutlet(): AutomationOutletContext {
  return useOutletContext<AutomationOutletContext>();
}
