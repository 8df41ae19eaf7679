import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AutomationSlosQuery = graphql(`
  query AutomationSlos($slug: String!) {
    automationSlos(slug: $slug) {
      ...SloStatusFields
    }
  }
`);

export const automationSlosKeys = {
  all: ['automation-slos'] as const,
  detail: (slug: string) => [...automationSlosKeys.all, slug] as const,
};

/** SLOs are evaluated every minute; the tab asks again as often. */
export const SLO_REFRESH_MS = 60_000;

export function automationSlosQueryOptions(slug: string) {
  return queryOptions({
    queryKey: automationSlosKeys.detail(slug),
    queryFn: () => graphqlRequest(AutomationSlosQuery, { slug }),
    refetchInterval: SLO_REFRESH_MS,
  });
}
