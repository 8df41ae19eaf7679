import { useQuery } from '@tanstack/react-query';
import { automationSlosQueryOptions } from '../api/automationSlosQuery';

export function useAutomationSlos(slug: string) {
  return useQuery(automationSlosQueryOptions(slug));
}
