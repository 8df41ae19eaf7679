import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AutomationPendingChangeQuery = graphql(`
  query AutomationPendingChange($slug: String!) {
    automation(slug: $slug) {
      slug
      pendingChange {
        ...AutomationChangeItem
      }
    }
  }
`);

export const automationPendingChangeKeys = {
  all: ['automation-pending-change'] as const,
  detail: (slug: string) => [...automationPendingChangeKeys.all, slug] as const,
};

/** The change to the automation's SLOs that waits for its owner team, if any. */
export function automationPendingChangeQueryOptions(slug: string) {
  return queryOptions({
    queryKey: automationPendingChangeKeys.detail(slug),
    queryFn: () => graphqlRequest(AutomationPendingChangeQuery, { slug }),
  });
}
