import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { AuditFilter } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const AUDIT_PAGE_SIZE = 50;

const AuditEntriesQuery = graphql(`
  query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          actor {
            id
            name
          }
          actorKind
          action
          targetKind
          targetId
          automations
          teams
          reason
          before
          after
          detail
        }
      }
    }
  }
`);

export const auditEntriesKeys = {
  all: ['audit-entries'] as const,
  list: (filter: AuditFilter) => [...auditEntriesKeys.all, filter] as const,
};

/** The audit trail, newest first, a page at a time by cursor. */
export function auditEntriesQueryOptions(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: auditEntriesKeys.list(filter),
    queryFn: ({ pageParam }) => graphqlRequest(AuditEntriesQuery, { filter, first: AUDIT_PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => {
      const { hasNextPage, endCursor } = lastPage.auditEntries.pageInfo;
      return hasNextPage && endCursor ? endCursor : undefined;
    },
  });
}
