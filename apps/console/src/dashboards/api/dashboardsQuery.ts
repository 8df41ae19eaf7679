import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const DashboardsQuery = graphql(`
  query Dashboards {
    dashboards {
      name
      title
      description
      owner
      path
      panelCount
      defaultRange {
        last
        from
        to
      }
    }
  }
`);

export const dashboardsKeys = {
  all: ['dashboards'] as const,
};

export function dashboardsQueryOptions() {
  return queryOptions({
    queryKey: dashboardsKeys.all,
    queryFn: () => graphqlRequest(DashboardsQuery),
  });
}
