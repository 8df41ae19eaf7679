import { useQuery } from '@tanstack/react-query';
import type { DeadLetterStatus } from '@/gql/graphql';
import { deadLetterGroupsQueryOptions } from '../api/deadLetterGroupsQuery';

export function useDeadLetterGroups(automation: string | null, status: DeadLetterStatus | null) {
  return useQuery(deadLetterGroupsQueryOptions(automation, status));
}
