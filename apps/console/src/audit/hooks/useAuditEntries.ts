import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditFilter } from '@/gql/graphql';
import { auditEntriesQueryOptions } from '../api/auditEntriesQuery';

/** While `live`, the trail is asked again every few seconds (a request that moves writes to it). */
const LIVE_REFRESH_MS = 5_000;

export function useAuditEntries(filter: AuditFilter, { enabled = true, live = false }: { enabled?: boolean; live?: boolean } = {}) {
  return useInfiniteQuery({ ...auditEntriesQueryOptions(filter), enabled, refetchInterval: live ? LIVE_REFRESH_MS : false });
}
