import { graphql } from '@/gql';
import type { StartReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const StartReprocessMutation = graphql(`
  mutation StartReprocess($input: StartReprocessInput!) {
    startReprocess(input: $input) {
      ...ReprocessRequestDetail
    }
  }
`);

export const startReprocessKeys = {
  all: ['start-reprocess'] as const,
};

export function startReprocess(variables: StartReprocessMutationVariables) {
  return graphqlRequest(StartReprocessMutation, variables);
}
