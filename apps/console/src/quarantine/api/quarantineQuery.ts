import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const QUARANTINE_PAGE_SIZE = 25;

const QuarantineQuery = graphql(`
  query Quarantine($automation: String, $first: Int!, $after: String) {
    quarantine(automation: $automation, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          receivedAt
          automation
          eventType
          reason
          payload
          tokenName
        }
      }
    }
  }
`);

export const quarantineKeys = {
  all: ['quarantine'] as const,
  lists: () => [...quarantineKeys.all, 'list'] as const,
  list: (automation: string | null, pageSize: number) => [...quarantineKeys.lists(), { automation, pageSize }] as const,
};

/** Quarantined events, newest first; `automation` null means every automation the viewer may see. */
export function quarantineQueryOptions(automation: string | null, pageSize = QUARANTINE_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: quarantineKeys.list(automation, pageSize),
    queryFn: ({ pageParam }) => graphqlRequest(QuarantineQuery, { automation, first: pageSize, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.quarantine.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
  });
}
