import { useQuery } from '@tanstack/react-query';
import type { AutomationFilter } from '@/gql/graphql';
import { automationOptionsQueryOptions } from '../api/automationOptionsQuery';

export function useAutomationOptions(filter: AutomationFilter, enabled = true) {
  return useQuery({ ...automationOptionsQueryOptions(filter), enabled });
}
