import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AuditTrailQueryVariables } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const AUDIT_TRAIL_SIZE = 50;

const AuditTrailQuery = graphql(`
  query AuditTrail($automation: String, $requestId: ID, $first: Int!) {
    auditTrail(automation: $automation, requestId: $requestId, first: $first) {
      id
      at
      actor {
        id
        name
      }
      action
      targetKind
      targetId
      automations
      reason
      detail
    }
  }
`);

/** Whose trail: one automation's dead-letter actions, or one request's. */
export type AuditScope = { automation: string } | { requestId: string };

export const auditTrailKeys = {
  all: ['audit-trail'] as const,
  scope: (scope: AuditScope) => [...auditTrailKeys.all, scope] as const,
};

/** Actions on dead letters, newest first. */
export function auditTrailQueryOptions(scope: AuditScope) {
  const variables: AuditTrailQueryVariables = 'automation' in scope ? { automation: scope.automation, first: AUDIT_TRAIL_SIZE } : { requestId: scope.requestId, first: AUDIT_TRAIL_SIZE };
  return queryOptions({
    queryKey: auditTrailKeys.scope(scope),
    queryFn: () => graphqlRequest(AuditTrailQuery, variables),
  });
}
