import { graphql } from '@/gql';
import type { RegisterAutomationMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RegisterAutomationMutation = graphql(`
  mutation RegisterAutomation($input: AutomationInput!) {
    registerAutomation(input: $input) {
      ...AutomationDetail
    }
  }
`);

export const registerAutomationKeys = {
  all: ['register-automation'] as const,
};

export function registerAutomation(variables: RegisterAutomationMutationVariables) {
  return graphqlRequest(RegisterAutomationMutation, variables);
}
