import { useQuery } from '@tanstack/react-query';
import { dataFreshnessQueryOptions } from '../api/dataFreshnessQuery';

export function useDataFreshness() {
  return useQuery(dataFreshnessQueryOptions());
}
