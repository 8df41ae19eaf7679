import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AutomationFilter } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

/** The api's largest page (automations `first` ≤ 100): enough for any one team's automations. */
export const AUTOMATION_OPTIONS_LIMIT = 100;

const AutomationOptionsQuery = graphql(`
  query AutomationOptions($filter: AutomationFilter, $first: Int!) {
    automations(filter: $filter, first: $first) {
      edges {
        node {
          slug
          title
          owner {
            name
          }
        }
      }
    }
  }
`);

export const automationOptionKeys = {
  all: ['catalog', 'automation-options'] as const,
  list: (filter: AutomationFilter) => [...automationOptionKeys.all, filter] as const,
};

/** Slugs and titles for pickers (token scopes, quarantine filter), by title. */
export function automationOptionsQueryOptions(filter: AutomationFilter) {
  return queryOptions({
    queryKey: automationOptionKeys.list(filter),
    queryFn: () => graphqlRequest(AutomationOptionsQuery, { filter, first: AUTOMATION_OPTIONS_LIMIT }),
    select: (data) => data.automations.edges.map((edge) => edge.node),
    staleTime: 60_000,
  });
}
