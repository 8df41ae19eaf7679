/** Where to go after signing in: only paths on this site, never another origin. */
export function safeNextPath(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')) {
    return next;
  }
  return '/';
}
