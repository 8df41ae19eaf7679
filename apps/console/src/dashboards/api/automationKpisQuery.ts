import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AutomationKpisQuery = graphql(`
  query AutomationKpis($slug: String!, $range: DateRangeInput) {
    automationKpis(slug: $slug, range: $range) {
      ...KpiReportFields
    }
  }
`);

export const automationKpisKeys = {
  all: ['automation-kpis'] as const,
  detail: (slug: string, last: string) => [...automationKpisKeys.all, slug, last] as const,
};

/** An automation's KPIs before and after, over the last `last` (e.g. "30d"). */
export function automationKpisQueryOptions(slug: string, last: string) {
  return queryOptions({
    queryKey: automationKpisKeys.detail(slug, last),
    queryFn: () => graphqlRequest(AutomationKpisQuery, { slug, range: { last } }),
  });
}
