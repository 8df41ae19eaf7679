import { useMutation, useQueryClient } from '@tanstack/react-query';
import { automationKeys } from '@/automation/api/automationQuery';
import { catalogKeys } from '@/catalog/api/catalogAutomationsQuery';
import { catalogFacetKeys } from '@/catalog/api/catalogFacetsQuery';
import type { AutomationQuery } from '@/gql/graphql';
import { registerAutomation, registerAutomationKeys } from '../api/registerAutomationMutation';

export function useRegisterAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: registerAutomationKeys.all,
    mutationFn: registerAutomation,
    onSuccess: async (data) => {
      const automation = data.registerAutomation;
      queryClient.setQueryData<AutomationQuery>(automationKeys.detail(automation.slug), { automation });
      await Promise.all([queryClient.invalidateQueries({ queryKey: catalogKeys.all }), queryClient.invalidateQueries({ queryKey: catalogFacetKeys.all })]);
    },
  });
}
