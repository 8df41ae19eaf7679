import { useQuery } from '@tanstack/react-query';
import { automationQueryOptions } from '../api/automationQuery';

export function useAutomation(slug: string) {
  return useQuery(automationQueryOptions(slug));
}
