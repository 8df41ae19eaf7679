import { csrfHeaders } from '@/shared/graphql/csrfToken';
import { authFetch } from './session';

export const signOutKeys = {
  all: ['sign-out'] as const,
};

/** POST /auth/sign-out (with the session's CSRF token) → 204; the cookie is cleared. */
export async function signOut(): Promise<void> {
  await authFetch('/auth/sign-out', { method: 'POST', headers: csrfHeaders() });
}
