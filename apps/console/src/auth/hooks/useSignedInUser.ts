import { useQuery } from '@tanstack/react-query';
import { sessionQueryOptions } from '../api/sessionQuery';
import type { SessionUser } from '../api/session';

/** The signed-in user; only for components rendered inside RequireSession. */
export function useSignedInUser(): SessionUser | undefined {
  const { data } = useQuery(sessionQueryOptions());
  return data?.signedIn ? data.user : undefined;
}
