import { graphql } from '@/gql';
import type { ArchiveAutomationMutationVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ArchiveAutomationMutation = graphql(`
  mutation ArchiveAutomation($slug: String!) {
    archiveAutomation(slug: $slug) {
      ...AutomationDetail
    }
  }
`);

export const archiveAutomationKeys = {
  all: ['archive-automation'] as const,
};

export function archiveAutomation(variables: ArchiveAutomationMutationVariables) {
  return graphqlRequest(ArchiveAutomationMutation, variables);
}
