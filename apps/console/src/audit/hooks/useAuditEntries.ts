import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditFilter } from '@/gql/graphql';
import { auditEntriesQueryOptions } from '../api/auditEntriesQuery';

export function useAuditEntries(filter: AuditFilter, enabled = true) {
  return useInfiniteQuery({ ...auditEntriesQueryOptions(filter), enabled });
}
