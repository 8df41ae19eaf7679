import { authFetch } from './session';

export const signInKeys = {
  all: ['sign-in'] as const,
};

export interface Credentials {
  username: string;
  password: string;
}

/** POST /auth/sign-in { username, password } → 204 and the session cookie; 401 when either is wrong. */
export async function signIn(credentials: Credentials): Promise<void> {
  await authFetch('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
}
