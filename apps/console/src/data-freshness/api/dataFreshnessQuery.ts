import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const DataFreshnessQuery = graphql(`
  query DataFreshness {
    dataFreshness {
      fromReplica
      behindSeconds
      asOf
      lagging
    }
  }
`);

export const dataFreshnessKeys = {
  all: ['data-freshness'] as const,
};

/** Asked again every 30 seconds while figures from the replica are on screen: the notice goes once it catches up. */
export const FRESHNESS_REFRESH_MS = 30_000;

export function dataFreshnessQueryOptions() {
  return queryOptions({
    queryKey: dataFreshnessKeys.all,
    queryFn: () => graphqlRequest(DataFreshnessQuery),
    refetchInterval: FRESHNESS_REFRESH_MS,
  });
}
