import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { DashboardQueryVariables, DateRangeInput } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import { rangeKey } from '../dateRange';

const DashboardQuery = graphql(`
  query Dashboard($name: String!, $range: DateRangeInput) {
    dashboard(name: $name, range: $range) {
      name
      title
      description
      owner
      path
      defaultRange {
        last
        from
        to
      }
      range {
        start
        end
        days
        label
      }
      panels {
        kind
        title
        description
        problem
        kpi {
          ...KpiReportFields
        }
        trend {
          interval
          kpi {
            ...KpiReportFields
          }
          points {
            at
            value
          }
        }
        slos {
          automation
          automationTitle
          attainmentPercent
          good
          total
          status {
            ...SloStatusFields
          }
          openAlerts {
            id
            severity
            state
            summary
          }
        }
        backlog {
          automation
          automationTitle
          pending
          oldestPendingSince
          arrivedInRange
          closedInRange
        }
        totals {
          hoursSaved
          hoursSavedItems {
            automation
            kpi
            kpiTitle
            touchesAvoidedPerDay
            minutesPerTouch
            days
            hours
          }
          money {
            currency
            unit
            kind
            before
            after
            change
            items {
              automation
              kpi
              kpiTitle
              currency
              unit
              kind
              before
              after
              change
            }
          }
          skipped {
            automation
            kpi
            kpiTitle
            reason
          }
        }
      }
    }
  }
`);

export const dashboardKeys = {
  all: ['dashboard'] as const,
  detail: (name: string, range: DateRangeInput | null) => [...dashboardKeys.all, name, rangeKey(range)] as const,
};

/** A dashboard over a range (null: its own default range). */
export function dashboardQueryOptions(name: string, range: DateRangeInput | null) {
  return queryOptions({
    queryKey: dashboardKeys.detail(name, range),
    queryFn: () => {
      // Without a range the api uses the dashboard's defaultRange.
      const variables: DashboardQueryVariables = range === null ? { name } : { name, range };
      return graphqlRequest(DashboardQuery, variables);
    },
  });
}
