import { useQuery } from '@tanstack/react-query';
import { trailQueryOptions } from '../api/trailQuery';

export function useTrail(correlationId: string) {
  return useQuery(trailQueryOptions(correlationId));
}
