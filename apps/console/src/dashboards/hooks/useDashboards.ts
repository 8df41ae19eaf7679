import { useQuery } from '@tanstack/react-query';
import { dashboardsQueryOptions } from '../api/dashboardsQuery';

export function useDashboards() {
  return useQuery(dashboardsQueryOptions());
}
