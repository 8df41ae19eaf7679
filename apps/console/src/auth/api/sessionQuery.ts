import { queryOptions } from '@tanstack/react-query';
import { rememberCsrfToken } from '@/shared/graphql/csrfToken';
import { authFetch, parseSession } from './session';

export const sessionKeys = {
  all: ['session'] as const,
};

export async function fetchSession() {
  const response = await authFetch('/auth/session', { headers: { accept: 'application/json' } });
  const session = parseSession(await response.json());
  rememberCsrfToken(session.signedIn ? session.csrfToken : null);
  return session;
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
  });
}
