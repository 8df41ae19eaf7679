import { graphql } from '@/gql';
import type { ApproveAutomationChangeMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ApproveAutomationChangeMutation = graphql(`
  mutation ApproveAutomationChange($id: ID!, $note: String) {
    approveAutomationChange(id: $id, note: $note) {
      ...AutomationChangeItem
    }
  }
`);

export const approveAutomationChangeKeys = {
  all: ['approve-automation-change'] as const,
};

export function approveAutomationChange(variables: ApproveAutomationChangeMutationVariables) {
  return graphqlRequest(ApproveAutomationChangeMutation, variables);
}
