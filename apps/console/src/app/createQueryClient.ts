import { QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionKeys } from '@/auth/api/sessionQuery';
import { hasErrorCode, isPermanentError } from '@/shared/graphql/ApiError';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The session ended under a page: ask again, and RequireSession sends the user to sign in.
        // (Mutations are left alone: a form keeps what was typed and says so.)
        if (hasErrorCode(error, 'UNAUTHENTICATED') && query.queryKey[0] !== sessionKeys.all[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isPermanentError(error) && failureCount < MAX_RETRIES,
        staleTime: 15_000,
        refetchOnWindowFocus: true,
      },
      mutations: {
        retry: false,
      },
    },
  });
  return queryClient;
}
