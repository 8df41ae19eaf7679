import { graphql } from '@/gql';
import type { ResumeReprocessMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ResumeReprocessMutation = graphql(`
  mutation ResumeReprocess($id: ID!, $reason: String) {
    resumeReprocess(id: $id, reason: $reason) {
      ...ReprocessRequestDetail
    }
  }
`);

export const resumeReprocessKeys = {
  all: ['resume-reprocess'] as const,
};

export function resumeReprocess(variables: ResumeReprocessMutationVariables) {
  return graphqlRequest(ResumeReprocessMutation, variables);
}
