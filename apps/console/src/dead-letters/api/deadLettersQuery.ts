import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { DeadLetterFilter } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const DEAD_LETTERS_PAGE_SIZE = 50;

const DeadLettersQuery = graphql(`
  query DeadLetters($filter: DeadLetterFilter, $first: Int!, $after: String) {
    deadLetters(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...DeadLetterRow
        }
      }
    }
  }
`);

export const deadLettersKeys = {
  all: ['dead-letters'] as const,
  lists: () => [...deadLettersKeys.all, 'list'] as const,
  list: (filter: DeadLetterFilter) => [...deadLettersKeys.lists(), filter] as const,
};

/** Dead letters, newest failure first, a page at a time by cursor. */
export function deadLettersQueryOptions(filter: DeadLetterFilter) {
  return infiniteQueryOptions({
    queryKey: deadLettersKeys.list(filter),
    queryFn: ({ pageParam }) => graphqlRequest(DeadLettersQuery, { filter, first: DEAD_LETTERS_PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.deadLetters.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
  });
}
