/*
 * The session's CSRF token, which the api wants in `x-csrf-token` on every POST made with the session
 * cookie. It comes with GET /auth/session (remembered by the session query) and changes with the
 * session, so signing in or out fetches the session again.
 */
let current: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  current = token;
}

/** The header to send on a POST: none while signed out. */
export function csrfHeaders(): Record<string, string> {
  return current === null ? {} : { 'x-csrf-token': current };
}
