import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AutomationFilter } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const CATALOG_PAGE_SIZE = 25;

const CatalogAutomationsQuery = graphql(`
  query CatalogAutomations($filter: AutomationFilter, $first: Int!, $after: String) {
    automations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CatalogAutomation
        }
      }
    }
  }
`);

export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'automations'] as const,
  list: (filter: AutomationFilter) => [...catalogKeys.lists(), filter] as const,
};

export function catalogAutomationsQueryOptions(filter: AutomationFilter) {
  return infiniteQueryOptions({
    queryKey: catalogKeys.list(filter),
    queryFn: ({ pageParam }) => graphqlRequest(CatalogAutomationsQuery, { filter, first: CATALOG_PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.automations.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
  });
}
