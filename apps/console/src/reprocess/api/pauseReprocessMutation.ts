import { graphql } from '@/gql';
import type { PauseReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const PauseReprocessMutation = graphql(`
  mutation PauseReprocess($id: ID!, $reason: String) {
    pauseReprocess(id: $id, reason: $reason) {
      ...ReprocessRequestDetail
    }
  }
`);

export const pauseReprocessKeys = {
  all: ['pause-reprocess'] as const,
};

export function pauseReprocess(variables: PauseReprocessMutationVariables) {
  return graphqlRequest(PauseReprocessMutation, variables);
}
