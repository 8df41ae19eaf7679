import { graphql } from '@/gql';
import type { CancelReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const CancelReprocessMutation = graphql(`
  mutation CancelReprocess($id: ID!, $reason: String) {
    cancelReprocess(id: $id, reason: $reason) {
      ...ReprocessRequestDetail
    }
  }
`);

export const cancelReprocessKeys = {
  all: ['cancel-reprocess'] as const,
};

export function cancelReprocess(variables: CancelReprocessMutationVariables) {
  return graphqlRequest(CancelReprocessMutation, variables);
}
