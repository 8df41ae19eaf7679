import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dashboardKeys } from '@/dashboards/api/dashboardQuery';
import { automationSlosKeys } from '@/slos/api/automationSlosQuery';
import { acknowledgeAlert, acknowledgeAlertKeys } from '../api/acknowledgeAlertMutation';
import { alertsKeys } from '../api/alertsQuery';

/** Acknowledges one alert; the alert lists, the SLO tabs and the dashboards (open alerts per SLO) are asked again. */
export function useAcknowledgeAlert(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...acknowledgeAlertKeys.all, id],
    mutationFn: () => acknowledgeAlert({ id, note: null }),
    onSuccess: async () => {
      await Promise.all([alertsKeys.all, automationSlosKeys.all, dashboardKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
