import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AlertState } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AlertsQuery = graphql(`
  query Alerts($automation: String, $state: [AlertState!], $teams: [String!], $first: Int!) {
    alerts(automation: $automation, state: $state, teams: $teams, first: $first) {
      ...AlertFields
    }
  }
`);

export const OPEN_ALERT_STATES: readonly AlertState[] = ['firing', 'acknowledged'];
export const ALL_ALERT_STATES: readonly AlertState[] = ['firing', 'acknowledged', 'resolved'];
export const ALERTS_PAGE_SIZE = 50;

export interface AlertsScope {
  automation?: string;
  includeResolved: boolean;
  /** Only alerts of automations these teams own; every team's when left out. */
  teams?: readonly string[];
}

export const alertsKeys = {
  all: ['alerts'] as const,
  list: (scope: AlertsScope) => [...alertsKeys.all, scope.automation ?? '*', scope.includeResolved ? 'with-resolved' : 'open', scope.teams?.join(',') ?? '*'] as const,
};

/** Alerts newest first; open ones (firing, acknowledged) unless resolved ones are asked for too. Asked again every minute. */
export function alertsQueryOptions(scope: AlertsScope) {
  return queryOptions({
    queryKey: alertsKeys.list(scope),
    queryFn: () =>
      graphqlRequest(AlertsQuery, {
        ...(scope.automation === undefined ? {} : { automation: scope.automation }),
        state: [...(scope.includeResolved ? ALL_ALERT_STATES : OPEN_ALERT_STATES)],
        ...(scope.teams === undefined ? {} : { teams: [...scope.teams] }),
        first: ALERTS_PAGE_SIZE,
      }),
    refetchInterval: 60_000,
  });
}
