import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditEntriesKeys } from '@/audit/api/auditEntriesQuery';
import { deadLetterGroupsKeys } from '@/dead-letters/api/deadLetterGroupsQuery';
import { deadLetterKeys } from '@/dead-letters/api/deadLetterQuery';
import { deadLettersKeys } from '@/dead-letters/api/deadLettersQuery';
import type { ReprocessRequestDetailFragment, ReprocessRequestQuery } from '@/gql/graphql';
import { reprocessRequestKeys } from '../api/reprocessRequestQuery';
import { reprocessRequestsKeys } from '../api/reprocessRequestsQuery';
import { startReprocess, startReprocessKeys } from '../api/startReprocessMutation';

/**
 * Starts a request. Its page is filled from the answer and `onStarted` runs at once (it opens that
 * page); only then is every view of dead letters asked again (their statuses moved) — asking first
 * could empty the list the dialog was opened from before the person is taken on.
 */
export function useStartReprocess({ onStarted }: { onStarted: (request: ReprocessRequestDetailFragment) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: startReprocessKeys.all,
    mutationFn: startReprocess,
    onSuccess: async ({ startReprocess: request }) => {
      queryClient.setQueryData<ReprocessRequestQuery>(reprocessRequestKeys.detail(request.id), { reprocessRequest: request });
      onStarted(request);
      await Promise.all(
        [deadLettersKeys.all, deadLetterGroupsKeys.all, deadLetterKeys.all, reprocessRequestsKeys.all, auditEntriesKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
