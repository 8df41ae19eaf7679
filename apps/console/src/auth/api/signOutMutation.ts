import { csrfHeaders } from '@/shared/graphql/csrfToken';
import { authFetch } from './session';

export const signOutKeys = {
  all: ['sign-out'] as const,
};

/**
 * POST /auth/sign-out (with the session's CSRF token) → 204; the cookie is cleared. A session single
 * sign-on opened answers 200 with the identity provider's end-session address, to go to next.
 */
export async function signOut(): Promise<{ redirectTo: string | null }> {
  const response = await authFetch('/auth/sign-out', { method: 'POST', headers: csrfHeaders() });
  if (response.status !== 200) {
    return { redirectTo: null };
  }
  const body: unknown = await response.json().catch(() => null);
  const redirectTo = typeof body === 'object' && body !== null && 'redirectTo' in body && typeof body.redirectTo === 'string' ? body.redirectTo : null;
  return { redirectTo: redirectTo !== null && /^https?:\/\//.test(redirectTo) ? redirectTo : null };
}
