import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AutomationQuery = graphql(`
  query Automation($slug: String!) {
    automation(slug: $slug) {
      ...AutomationDetail
    }
  }
`);

export const automationKeys = {
  all: ['automation'] as const,
  detail: (slug: string) => [...automationKeys.all, slug] as const,
};

export function automationQueryOptions(slug: string) {
  return queryOptions({
    queryKey: automationKeys.detail(slug),
    queryFn: () => graphqlRequest(AutomationQuery, { slug }),
  });
}
