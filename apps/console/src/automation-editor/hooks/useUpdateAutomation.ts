import { useMutation, useQueryClient } from '@tanstack/react-query';
import { automationKeys } from '@/automation/api/automationQuery';
import { exportAutomationKeys } from '@/automation/api/exportAutomationQuery';
import { catalogKeys } from '@/catalog/api/catalogAutomationsQuery';
import type { AutomationPendingChangeQuery, AutomationQuery } from '@/gql/graphql';
import { approvalsKeys } from '@/approvals/api/approvalsQuery';
import { automationPendingChangeKeys } from '../api/automationPendingChangeQuery';
import { updateAutomation, updateAutomationKeys } from '../api/updateAutomationMutation';

export function useUpdateAutomation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: updateAutomationKeys.detail(slug),
    mutationFn: updateAutomation,
    onSuccess: async (data) => {
      const automation = data.updateAutomation;
      // A held SLO change leaves the automation as it was: the answer says so with its pendingChange.
      queryClient.setQueryData<AutomationQuery>(automationKeys.detail(automation.slug), { automation });
      queryClient.setQueryData<AutomationPendingChangeQuery>(automationPendingChangeKeys.detail(automation.slug), {
        automation: { slug: automation.slug, pendingChange: automation.pendingChange },
      });
      void queryClient.invalidateQueries({ queryKey: approvalsKeys.all });
      queryClient.removeQueries({ queryKey: exportAutomationKeys.detail(automation.slug) });
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
