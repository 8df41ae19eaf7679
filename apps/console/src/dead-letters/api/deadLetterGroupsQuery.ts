import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { DeadLetterStatus } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const DeadLetterGroupsQuery = graphql(`
  query DeadLetterGroups($automation: String, $status: DeadLetterStatus) {
    deadLetterGroups(automation: $automation, status: $status) {
      fingerprint
      automation {
        slug
        title
      }
      errorClass
      normalizedMessage
      sampleMessage
      sourceKind
      sourceQueue
      total
      pending
      firstSeen
      lastSeen
      trend
    }
  }
`);

export const deadLetterGroupsKeys = {
  all: ['dead-letter-groups'] as const,
  list: (automation: string | null, status: DeadLetterStatus | null) => [...deadLetterGroupsKeys.all, { automation, status }] as const,
};

/** Dead letters grouped by error fingerprint, most pending first; `status` null means every status. */
export function deadLetterGroupsQueryOptions(automation: string | null, status: DeadLetterStatus | null) {
  return queryOptions({
    queryKey: deadLetterGroupsKeys.list(automation, status),
    queryFn: () => graphqlRequest(DeadLetterGroupsQuery, { automation, status }),
  });
}
