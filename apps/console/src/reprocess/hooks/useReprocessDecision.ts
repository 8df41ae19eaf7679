import { useMutation, useQueryClient } from '@tanstack/react-query';
import { approvalsKeys } from '@/approvals/api/approvalsQuery';
import { auditEntriesKeys } from '@/audit/api/auditEntriesQuery';
import { deadLetterGroupsKeys } from '@/dead-letters/api/deadLetterGroupsQuery';
import { deadLetterKeys } from '@/dead-letters/api/deadLetterQuery';
import { deadLettersKeys } from '@/dead-letters/api/deadLettersQuery';
import type { ReprocessRequestDetailFragment, ReprocessRequestQuery } from '@/gql/graphql';
import { approveReprocess, approveReprocessKeys } from '../api/approveReprocessMutation';
import { rejectReprocess, rejectReprocessKeys } from '../api/rejectReprocessMutation';
import { reprocessRequestKeys } from '../api/reprocessRequestQuery';
import { reprocessRequestsKeys } from '../api/reprocessRequestsQuery';

/**
 * Approve or reject (the requester: withdraw) a request waiting for a second person. The answer is
 * shown on the request's page at once; the inbox, lists and trail are asked again, and after a
 * rejection the dead letters too (they wait again).
 */
export function useReprocessDecision(id: string) {
  const queryClient = useQueryClient();
  const settle = async (request: ReprocessRequestDetailFragment, deadLettersMoved: boolean) => {
    queryClient.setQueryData<ReprocessRequestQuery>(reprocessRequestKeys.detail(id), { reprocessRequest: request });
    const stale = [
      approvalsKeys.all,
      reprocessRequestsKeys.all,
      auditEntriesKeys.all,
      ...(deadLettersMoved ? [deadLettersKeys.all, deadLetterGroupsKeys.all, deadLetterKeys.all] : []),
    ];
    await Promise.all(stale.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  const approve = useMutation({
    mutationKey: approveReprocessKeys.all,
    mutationFn: (note: string | null) => approveReprocess({ id, note }),
    onSuccess: (data) => settle(data.approveReprocess, false),
  });
  const reject = useMutation({
    mutationKey: rejectReprocessKeys.all,
    mutationFn: (reason: string) => rejectReprocess({ id, reason }),
    onSuccess: (data) => settle(data.rejectReprocess, true),
  });
  return { approve, reject };
}
