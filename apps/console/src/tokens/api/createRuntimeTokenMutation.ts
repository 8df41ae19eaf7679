import { graphql } from '@/gql';
import type { CreateRuntimeTokenMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const CreateRuntimeTokenMutation = graphql(`
  mutation CreateRuntimeToken($input: CreateRuntimeTokenInput!) {
    createRuntimeToken(input: $input) {
      secret
      token {
        ...RuntimeTokenFields
      }
    }
  }
`);

export const createRuntimeTokenKeys = {
  all: ['create-runtime-token'] as const,
};

export function createRuntimeToken(variables: CreateRuntimeTokenMutationVariables) {
  return graphqlRequest(CreateRuntimeTokenMutation, variables);
}
