import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions
  }
`);

export const auditActionsKeys = {
  all: ['audit-actions'] as const,
};

/** The actions recorded in the trail the viewer may read, for the filter's choices. */
export function auditActionsQueryOptions() {
  return queryOptions({
    queryKey: auditActionsKeys.all,
    queryFn: () => graphqlRequest(AuditActionsQuery),
    staleTime: 60_000,
  });
}
