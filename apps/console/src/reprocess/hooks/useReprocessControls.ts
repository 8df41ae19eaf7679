import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditEntriesKeys } from '@/audit/api/auditEntriesQuery';
import { deadLetterGroupsKeys } from '@/dead-letters/api/deadLetterGroupsQuery';
import { deadLetterKeys } from '@/dead-letters/api/deadLetterQuery';
import { deadLettersKeys } from '@/dead-letters/api/deadLettersQuery';
import type { ReprocessRequestDetailFragment, ReprocessRequestQuery } from '@/gql/graphql';
import { cancelReprocess, cancelReprocessKeys } from '../api/cancelReprocessMutation';
import { continueReprocessCanary, continueReprocessCanaryKeys } from '../api/continueReprocessCanaryMutation';
import { pauseReprocess, pauseReprocessKeys } from '../api/pauseReprocessMutation';
import { reprocessRequestKeys } from '../api/reprocessRequestQuery';
import { reprocessRequestsKeys } from '../api/reprocessRequestsQuery';
import { resumeReprocess, resumeReprocessKeys } from '../api/resumeReprocessMutation';

/**
 * Pause, resume and cancel of one request, and continuing its canary without the missing outcomes. Each shows its answer on the request's page at once and
 * has the lists and trails asked again; a cancel also the dead letters (the unsent ones wait again).
 */
export function useReprocessControls(id: string) {
  const queryClient = useQueryClient();
  const settle = async (request: ReprocessRequestDetailFragment, deadLettersMoved: boolean) => {
    queryClient.setQueryData<ReprocessRequestQuery>(reprocessRequestKeys.detail(id), { reprocessRequest: request });
    const stale = [reprocessRequestsKeys.all, auditEntriesKeys.all, ...(deadLettersMoved ? [deadLettersKeys.all, deadLetterGroupsKeys.all, deadLetterKeys.all] : [])];
    await Promise.all(stale.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  const pause = useMutation({
    mutationKey: pauseReprocessKeys.all,
    mutationFn: (reason: string | null) => pauseReprocess({ id, reason }),
    onSuccess: (data) => settle(data.pauseReprocess, false),
  });
  const resume = useMutation({
    mutationKey: resumeReprocessKeys.all,
    mutationFn: (reason: string | null) => resumeReprocess({ id, reason }),
    onSuccess: (data) => settle(data.resumeReprocess, false),
  });
  const cancel = useMutation({
    mutationKey: cancelReprocessKeys.all,
    mutationFn: (reason: string | null) => cancelReprocess({ id, reason }),
    onSuccess: (data) => settle(data.cancelReprocess, true),
  });
  const continueCanary = useMutation({
    mutationKey: continueReprocessCanaryKeys.all,
    mutationFn: (reason: string | null) => continueReprocessCanary({ id, reason }),
    onSuccess: (data) => settle(data.continueReprocessCanary, false),
  });
  return { pause, resume, cancel, continueCanary };
}
