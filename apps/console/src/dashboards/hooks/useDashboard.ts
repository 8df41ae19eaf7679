import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DateRangeInput } from '@/gql/graphql';
import { dashboardQueryOptions } from '../api/dashboardQuery';

export function useDashboard(name: string, range: DateRangeInput | null) {
  // Changing the range keeps the last picture on screen until the new one arrives.
  return useQuery({ ...dashboardQueryOptions(name, range), placeholderData: keepPreviousData });
}
