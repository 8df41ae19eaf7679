import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const CatalogFacetsQuery = graphql(`
  query CatalogFacets {
    automationFacets {
      tags
      systems
    }
  }
`);

export const catalogFacetKeys = {
  all: ['catalog', 'facets'] as const,
};

export function catalogFacetsQueryOptions() {
  return queryOptions({
    queryKey: catalogFacetKeys.all,
    queryFn: () => graphqlRequest(CatalogFacetsQuery),
    staleTime: 60_000,
  });
}
