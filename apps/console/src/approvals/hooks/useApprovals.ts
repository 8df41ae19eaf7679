import { useQuery } from '@tanstack/react-query';
import { approvalsQueryOptions } from '../api/approvalsQuery';

export function useApprovals({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...approvalsQueryOptions(), enabled });
}
