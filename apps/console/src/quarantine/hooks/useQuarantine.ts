import { useInfiniteQuery } from '@tanstack/react-query';
import { QUARANTINE_PAGE_SIZE, quarantineQueryOptions } from '../api/quarantineQuery';

export function useQuarantine(automation: string | null, pageSize = QUARANTINE_PAGE_SIZE) {
  return useInfiniteQuery(quarantineQueryOptions(automation, pageSize));
}
