import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import type { DeadLetterGroupsScope } from '../deadLetterFilters';

const DeadLetterGroupsQuery = graphql(`
  query DeadLetterGroups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID, $teams: [String!]) {
    deadLetterGroups(automation: $automation, status: $status, needsAction: $needsAction, reprocessRequest: $reprocessRequest, teams: $teams) {
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
      matching
      firstSeen
      lastSeen
      trend
    }
  }
`);

export const deadLetterGroupsKeys = {
  all: ['dead-letter-groups'] as const,
  list: (scope: DeadLetterGroupsScope) => [...deadLetterGroupsKeys.all, scope] as const,
};

/** Dead letters grouped by error fingerprint, most waiting first; `status` null means every status (or, with `needsAction`, pending and failed again). */
export function deadLetterGroupsQueryOptions(scope: DeadLetterGroupsScope) {
  return queryOptions({
    queryKey: deadLetterGroupsKeys.list(scope),
    queryFn: () => graphqlRequest(DeadLetterGroupsQuery, scope),
  });
}
