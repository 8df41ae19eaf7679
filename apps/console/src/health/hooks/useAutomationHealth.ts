import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { automationHealthQueryOptions } from '../api/automationHealthQuery';
import type { HealthWindow } from '../healthWindow';

export function useAutomationHealth(slug: string, healthWindow: HealthWindow) {
  // Switching windows keeps the last picture on screen until the new one arrives.
  return useQuery({ ...automationHealthQueryOptions(slug, healthWindow), placeholderData: keepPreviousData });
}
