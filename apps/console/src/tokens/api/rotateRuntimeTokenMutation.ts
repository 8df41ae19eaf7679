import { graphql } from '@/gql';
import type { RotateRuntimeTokenMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RotateRuntimeTokenMutation = graphql(`
  mutation RotateRuntimeToken($id: ID!, $overlapHours: Int, $expiresInDays: Int) {
    rotateRuntimeToken(id: $id, overlapHours: $overlapHours, expiresInDays: $expiresInDays) {
      secret
      token {
        ...RuntimeTokenFields
      }
      replaced {
        ...RuntimeTokenFields
      }
    }
  }
`);

export const rotateRuntimeTokenKeys = {
  all: ['rotate-runtime-token'] as const,
};

export function rotateRuntimeToken(variables: RotateRuntimeTokenMutationVariables) {
  return graphqlRequest(RotateRuntimeTokenMutation, variables);
}
