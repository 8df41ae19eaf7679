import { useMutation, useQueryClient } from '@tanstack/react-query';
import { automationKeys } from '@/automation/api/automationQuery';
import { approveAutomationChange, approveAutomationChangeKeys } from '../api/approveAutomationChangeMutation';
import { approvalsKeys } from '../api/approvalsQuery';
import { rejectAutomationChange, rejectAutomationChangeKeys } from '../api/rejectAutomationChangeMutation';

/** Approve or reject a change waiting for the owner team; the inbox and the automation are asked again (an approval changes its SLOs). */
export function useAutomationChangeDecision(id: string, slug: string) {
  const queryClient = useQueryClient();
  const settle = () => Promise.all([approvalsKeys.all, automationKeys.detail(slug)].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const approve = useMutation({
    mutationKey: approveAutomationChangeKeys.all,
    mutationFn: (note: string | null) => approveAutomationChange({ id, note }),
    onSuccess: settle,
  });
  const reject = useMutation({
    mutationKey: rejectAutomationChangeKeys.all,
    mutationFn: (reason: string) => rejectAutomationChange({ id, reason }),
    onSuccess: settle,
  });
  return { approve, reject };
}
