import { graphql } from '@/gql';
import type { UpdateAutomationMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const UpdateAutomationMutation = graphql(`
  mutation UpdateAutomation($slug: String!, $input: AutomationInput!) {
    updateAutomation(slug: $slug, input: $input) {
      ...AutomationDetail
      pendingChange {
        ...AutomationChangeItem
      }
    }
  }
`);

export const updateAutomationKeys = {
  all: ['update-automation'] as const,
  detail: (slug: string) => [...updateAutomationKeys.all, slug] as const,
};

export function updateAutomation(variables: UpdateAutomationMutationVariables) {
  return graphqlRequest(UpdateAutomationMutation, variables);
}
