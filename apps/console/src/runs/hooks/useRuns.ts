import { useInfiniteQuery } from '@tanstack/react-query';
import type { RunFilter } from '@/gql/graphql';
import { runsQueryOptions } from '../api/runsQuery';

export function useRuns(filter: RunFilter) {
  return useInfiniteQuery(runsQueryOptions(filter));
}
