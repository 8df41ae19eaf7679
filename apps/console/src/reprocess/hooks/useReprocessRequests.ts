import { useInfiniteQuery } from '@tanstack/react-query';
import { reprocessRequestsQueryOptions } from '../api/reprocessRequestsQuery';

export function useReprocessRequests(automation: string | null, pageSize?: number) {
  return useInfiniteQuery(reprocessRequestsQueryOptions(automation, pageSize));
}
