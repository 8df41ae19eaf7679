import { useQuery } from '@tanstack/react-query';
import { auditActionsQueryOptions } from '../api/auditActionsQuery';

export function useAuditActions(enabled = true) {
  return useQuery({ ...auditActionsQueryOptions(), enabled });
}
