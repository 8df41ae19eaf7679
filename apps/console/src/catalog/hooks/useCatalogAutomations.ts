import { useInfiniteQuery } from '@tanstack/react-query';
import type { AutomationFilter } from '@/gql/graphql';
import { catalogAutomationsQueryOptions } from '../api/catalogAutomationsQuery';

export function useCatalogAutomations(filter: AutomationFilter) {
  return useInfiniteQuery(catalogAutomationsQueryOptions(filter));
}
