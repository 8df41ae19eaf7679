import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { DeadLetterSelection, ReprocessAction } from '@/gql/graphql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ReprocessPreviewQuery = graphql(`
  query ReprocessPreview($action: ReprocessAction!, $selection: DeadLetterSelection!) {
    reprocessPreview(action: $action, selection: $selection) {
      action
      count
      blockedReason
      approvalReasons
      parts {
        automation {
          slug
          title
        }
        sourceKind
        route
        destination
        count
        warning
        allowed
      }
    }
  }
`);

export const reprocessPreviewKeys = {
  all: ['reprocess-preview'] as const,
  detail: (action: ReprocessAction, selection: DeadLetterSelection) => [...reprocessPreviewKeys.all, action, selection] as const,
};

/** What a reprocess or discard would act on now. Always asked fresh: the count is what the person confirms. */
export function reprocessPreviewQueryOptions(action: ReprocessAction, selection: DeadLetterSelection) {
  return queryOptions({
    queryKey: reprocessPreviewKeys.detail(action, selection),
    queryFn: () => graphqlRequest(ReprocessPreviewQuery, { action, selection }),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
