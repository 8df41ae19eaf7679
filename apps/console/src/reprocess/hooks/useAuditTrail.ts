import { useQuery } from '@tanstack/react-query';
import { type AuditScope, auditTrailQueryOptions } from '../api/auditTrailQuery';

/** While `live`, the trail is asked again every few seconds (a request that moves writes to it). */
const LIVE_REFRESH_MS = 5_000;

export function useAuditTrail(scope: AuditScope, { live = false }: { live?: boolean } = {}) {
  return useQuery({ ...auditTrailQueryOptions(scope), refetchInterval: live ? LIVE_REFRESH_MS : false });
}
