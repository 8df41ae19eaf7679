import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const TrailQuery = graphql(`
  query Trail($correlationId: String!) {
    trail(correlationId: $correlationId) {
      ...RunFields
    }
    trailSteps(correlationId: $correlationId) {
      automation {
        slug
      }
      stepId
      runId
      name
      outcome
      startedAt
      durationMs
      errorMessage
    }
  }
`);

export const trailKeys = {
  all: ['trail'] as const,
  detail: (correlationId: string) => [...trailKeys.all, correlationId] as const,
};

export function trailQueryOptions(correlationId: string) {
  return queryOptions({
    queryKey: trailKeys.detail(correlationId),
    queryFn: () => graphqlRequest(TrailQuery, { correlationId }),
  });
}
