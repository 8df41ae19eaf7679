import { useQuery } from '@tanstack/react-query';
import { viewerQueryOptions } from '../api/viewerQuery';

export function useViewer() {
  return useQuery(viewerQueryOptions());
}
