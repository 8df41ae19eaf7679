import { useMutation, useQueryClient } from '@tanstack/react-query';
import { catalogKeys } from '@/catalog/api/catalogAutomationsQuery';
import type { AutomationQuery } from '@/gql/graphql';
import { archiveAutomation, archiveAutomationKeys } from '../api/archiveAutomationMutation';
import { automationKeys } from '../api/automationQuery';

export function useArchiveAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: archiveAutomationKeys.all,
    mutationFn: archiveAutomation,
    onSuccess: async (data) => {
      const automation = data.archiveAutomation;
      queryClient.setQueryData<AutomationQuery>(automationKeys.detail(automation.slug), { automation });
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
