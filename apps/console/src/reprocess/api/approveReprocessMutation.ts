import { graphql } from '@/gql';
import type { ApproveReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ApproveReprocessMutation = graphql(`
  mutation ApproveReprocess($id: ID!, $note: String) {
    approveReprocess(id: $id, note: $note) {
      ...ReprocessRequestDetail
    }
  }
`);

export const approveReprocessKeys = {
  all: ['approve-reprocess'] as const,
};

export function approveReprocess(variables: ApproveReprocessMutationVariables) {
  return graphqlRequest(ApproveReprocessMutation, variables);
}
