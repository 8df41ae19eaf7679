import { useQuery } from '@tanstack/react-query';
import { reprocessRequestQueryOptions } from '../api/reprocessRequestQuery';

export function useReprocessRequest(id: string) {
  return useQuery(reprocessRequestQueryOptions(id));
}
