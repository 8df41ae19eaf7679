import { useQuery } from '@tanstack/react-query';
import { type AlertsScope, alertsQueryOptions } from '../api/alertsQuery';

export function useAlerts(scope: AlertsScope) {
  return useQuery(alertsQueryOptions(scope));
}
