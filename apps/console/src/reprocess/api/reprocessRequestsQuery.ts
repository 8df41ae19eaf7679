import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import { isMoving } from '../reprocessProgress';

export const REPROCESS_REQUESTS_PAGE_SIZE = 20;

/** While a listed request moves, the list is asked again this often. */
const LIST_REFRESH_MS = 5_000;

const ReprocessRequestsQuery = graphql(`
  query ReprocessRequests($automation: String, $first: Int!, $after: String) {
    reprocessRequests(automation: $automation, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ReprocessRequestSummary
        }
      }
    }
  }
`);

export const reprocessRequestsKeys = {
  all: ['reprocess-requests'] as const,
  list: (automation: string | null, pageSize: number) => [...reprocessRequestsKeys.all, { automation, pageSize }] as const,
};

/** Requests, newest first, of every automation or of one; a page at a time by cursor. */
export function reprocessRequestsQueryOptions(automation: string | null, pageSize = REPROCESS_REQUESTS_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: reprocessRequestsKeys.list(automation, pageSize),
    queryFn: ({ pageParam }) => graphqlRequest(ReprocessRequestsQuery, { automation, first: pageSize, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.reprocessRequests.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.reprocessRequests.edges.some((edge) => isMoving(edge.node))) ? LIST_REFRESH_MS : false),
  });
}
