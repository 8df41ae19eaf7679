import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { RunFilter } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const RUNS_PAGE_SIZE = 50;

const RunsQuery = graphql(`
  query Runs($filter: RunFilter, $first: Int!, $after: String) {
    runs(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...RunFields
        }
      }
    }
  }
`);

export const runsKeys = {
  all: ['runs'] as const,
  lists: () => [...runsKeys.all, 'list'] as const,
  list: (filter: RunFilter) => [...runsKeys.lists(), filter] as const,
};

export function runsQueryOptions(filter: RunFilter) {
  return infiniteQueryOptions({
    queryKey: runsKeys.list(filter),
    queryFn: ({ pageParam }) => graphqlRequest(RunsQuery, { filter, first: RUNS_PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.runs.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
  });
}
