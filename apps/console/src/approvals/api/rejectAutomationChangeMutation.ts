import { graphql } from '@/gql';
import type { RejectAutomationChangeMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RejectAutomationChangeMutation = graphql(`
  mutation RejectAutomationChange($id: ID!, $reason: String!) {
    rejectAutomationChange(id: $id, reason: $reason) {
      ...AutomationChangeItem
    }
  }
`);

export const rejectAutomationChangeKeys = {
  all: ['reject-automation-change'] as const,
};

export function rejectAutomationChange(variables: RejectAutomationChangeMutationVariables) {
  return graphqlRequest(RejectAutomationChangeMutation, variables);
}
