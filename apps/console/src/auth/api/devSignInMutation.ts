import { authFetch } from './session';

export const devSignInKeys = {
  all: ['dev-sign-in'] as const,
};

/** POST /auth/dev-sign-in { persona } → 204 and the session cookie. */
export async function devSignIn(persona: string): Promise<void> {
  await authFetch('/auth/dev-sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
}
