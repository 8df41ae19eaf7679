import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import type { HealthWindow } from '../healthWindow';

const AutomationHealthQuery = graphql(`
  query AutomationHealth($slug: String!, $window: String!) {
    automationHealth(slug: $slug, window: $window) {
      slug
      window
      bucket
      from
      to
      throughput
      successRate
      errorRate
      retryRate
      p50Ms
      p95Ms
      p99Ms
      lastSuccessAt
      lastHeartbeatAt
      series {
        at
        throughput
        succeeded
        failed
        deadLettered
        retried
        successRate
        errorRate
        retryRate
        p50Ms
        p95Ms
        p99Ms
      }
    }
  }
`);

export const automationHealthKeys = {
  all: ['automation-health'] as const,
  detail: (slug: string, healthWindow: HealthWindow) => [...automationHealthKeys.all, slug, healthWindow] as const,
};

/** Health is live: it is asked again every minute while the tab is open. */
export const HEALTH_REFRESH_MS = 60_000;

export function automationHealthQueryOptions(slug: string, healthWindow: HealthWindow) {
  return queryOptions({
    queryKey: automationHealthKeys.detail(slug, healthWindow),
    queryFn: () => graphqlRequest(AutomationHealthQuery, { slug, window: healthWindow }),
    refetchInterval: HEALTH_REFRESH_MS,
  });
}
