import { useQuery } from '@tanstack/react-query';
import { deadLetterGroupsQueryOptions } from '../api/deadLetterGroupsQuery';
import type { DeadLetterGroupsScope } from '../deadLetterFilters';

export function useDeadLetterGroups(scope: DeadLetterGroupsScope) {
  return useQuery(deadLetterGroupsQueryOptions(scope));
}
