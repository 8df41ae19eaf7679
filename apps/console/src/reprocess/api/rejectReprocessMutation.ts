import { graphql } from '@/gql';
import type { RejectReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RejectReprocessMutation = graphql(`
  mutation RejectReprocess($id: ID!, $reason: String!) {
    rejectReprocess(id: $id, reason: $reason) {
      ...ReprocessRequestDetail
    }
  }
`);

export const rejectReprocessKeys = {
  all: ['reject-reprocess'] as const,
};

export function rejectReprocess(variables: RejectReprocessMutationVariables) {
  return graphqlRequest(RejectReprocessMutation, variables);
}
