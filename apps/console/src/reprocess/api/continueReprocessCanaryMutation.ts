import { graphql } from '@/gql';
import type { ContinueReprocessCanaryMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ContinueReprocessCanaryMutation = graphql(`
  mutation ContinueReprocessCanary($id: ID!, $reason: String) {
    continueReprocessCanary(id: $id, reason: $reason) {
      ...ReprocessRequestDetail
    }
  }
`);

export const continueReprocessCanaryKeys = {
  all: ['continue-reprocess-canary'] as const,
};

export function continueReprocessCanary(variables: ContinueReprocessCanaryMutationVariables) {
  return graphqlRequest(ContinueReprocessCanaryMutation, variables);
}
