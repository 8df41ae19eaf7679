import { queryOptions } from '@tanstack/react-query';
import { authFetch, parseSession } from './session';

export const sessionKeys = {
  all: ['session'] as const,
};

export async function fetchSession() {
  const response = await authFetch('/auth/session', { headers: { accept: 'application/json' } });
  return parseSession(await response.json());
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
  });
}
