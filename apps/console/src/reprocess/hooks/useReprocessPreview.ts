import { useQuery } from '@tanstack/react-query';
import type { DeadLetterSelection, ReprocessAction } from '@/gql/graphql';
import { reprocessPreviewQueryOptions } from '../api/reprocessPreviewQuery';

export function useReprocessPreview(action: ReprocessAction, selection: DeadLetterSelection) {
  return useQuery(reprocessPreviewQueryOptions(action, selection));
}
