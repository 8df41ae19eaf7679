import { useQuery } from '@tanstack/react-query';
import { catalogFacetsQueryOptions } from '../api/catalogFacetsQuery';

export function useCatalogFacets() {
  return useQuery(catalogFacetsQueryOptions());
}
