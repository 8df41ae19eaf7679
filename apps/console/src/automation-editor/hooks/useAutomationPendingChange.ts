import { useQuery } from '@tanstack/react-query';
import { automationPendingChangeQueryOptions } from '../api/automationPendingChangeQuery';

export function useAutomationPendingChange(slug: string) {
  return useQuery(automationPendingChangeQueryOptions(slug));
}
