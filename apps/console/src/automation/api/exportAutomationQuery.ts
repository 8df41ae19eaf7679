import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ExportAutomationQuery = graphql(`
  query ExportAutomation($slug: String!) {
    exportAutomation(slug: $slug)
  }
`);

export const exportAutomationKeys = {
  all: ['automation-export'] as const,
  detail: (slug: string) => [...exportAutomationKeys.all, slug] as const,
};

export function exportAutomationQueryOptions(slug: string) {
  return queryOptions({
    queryKey: exportAutomationKeys.detail(slug),
    queryFn: () => graphqlRequest(ExportAutomationQuery, { slug }),
    // The YAML is a snapshot for copying; fetch it fresh each time the dialog opens.
    staleTime: 0,
    gcTime: 0,
  });
}
