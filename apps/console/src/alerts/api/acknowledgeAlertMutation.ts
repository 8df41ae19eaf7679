import { graphql } from '@/gql';
import type { AcknowledgeAlertMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!, $note: String) {
    acknowledgeAlert(id: $id, note: $note) {
      ...AlertFields
    }
  }
`);

export const acknowledgeAlertKeys = {
  all: ['acknowledge-alert'] as const,
};

export function acknowledgeAlert(variables: AcknowledgeAlertMutationVariables) {
  return graphqlRequest(AcknowledgeAlertMutation, variables);
}
