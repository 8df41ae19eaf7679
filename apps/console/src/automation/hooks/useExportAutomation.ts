import { useQuery } from '@tanstack/react-query';
import { exportAutomationQueryOptions } from '../api/exportAutomationQuery';

export function useExportAutomation(slug: string) {
  return useQuery(exportAutomationQueryOptions(slug));
}
