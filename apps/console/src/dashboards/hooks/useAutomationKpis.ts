import { useQuery } from '@tanstack/react-query';
import { automationKpisQueryOptions } from '../api/automationKpisQuery';

export function useAutomationKpis(slug: string, last: string) {
  return useQuery(automationKpisQueryOptions(slug, last));
}
