import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RetentionWarningsQuery = graphql(`
  query RetentionWarnings($automation: String) {
    deadLetterRetentionWarnings(automation: $automation) {
      automation
      sourceQueue
      count
      expiresAt
      retention
      message
    }
  }
`);

/** Failures their source removes within a day, for one automation or every one (null). */
export function retentionWarningsQueryOptions(automation: string | null) {
  return queryOptions({
    queryKey: ['retention-warnings', { automation }] as const,
    queryFn: () => graphqlRequest(RetentionWarningsQuery, { automation }),
    // Read from the brokers: a minute old is fresh enough, and a page visit need not ask again.
    staleTime: 60_000,
  });
}
