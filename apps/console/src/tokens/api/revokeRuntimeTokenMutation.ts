import { graphql } from '@/gql';
import type { RevokeRuntimeTokenMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RevokeRuntimeTokenMutation = graphql(`
  mutation RevokeRuntimeToken($id: ID!) {
    revokeRuntimeToken(id: $id) {
      ...RuntimeTokenFields
    }
  }
`);

export const revokeRuntimeTokenKeys = {
  all: ['revoke-runtime-token'] as const,
};

export function revokeRuntimeToken(variables: RevokeRuntimeTokenMutationVariables) {
  return graphqlRequest(RevokeRuntimeTokenMutation, variables);
}
