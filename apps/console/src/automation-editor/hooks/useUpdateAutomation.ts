import { useMutation, useQueryClient } from '@tanstack/react-query';
import { automationKeys } from '@/automation/api/automationQuery';
import { exportAutomationKeys } from '@/automation/api/exportAutomationQuery';
import { catalogKeys } from '@/catalog/api/catalogAutomationsQuery';
import type { AutomationQuery } from '@/gql/graphql';
import { updateAutomation, updateAutomationKeys } from '../api/updateAutomationMutation';

export function useUpdateAutomation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: updateAutomationKeys.detail(slug),
    mutationFn: updateAutomation,
    onSuccess: async (data) => {
      const automation = data.updateAutomation;
      queryClient.setQueryData<AutomationQuery>(automationKeys.detail(automation.slug), { automation });
      queryClient.removeQueries({ queryKey: exportAutomationKeys.detail(automation.slug) });
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
