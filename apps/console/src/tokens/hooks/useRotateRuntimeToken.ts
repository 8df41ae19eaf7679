import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuntimeTokensQuery } from '@/gql/graphql';
import { rotateRuntimeToken, rotateRuntimeTokenKeys } from '../api/rotateRuntimeTokenMutation';
import { runtimeTokenKeys } from '../api/runtimeTokensQuery';

/**
 * Rotates a token. As for a new token, the new secret comes back once: the caller takes it from
 * `onSuccess` and resets the mutation (gcTime 0), so no cache keeps it. The list gets both tokens.
 */
export function useRotateRuntimeToken(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: rotateRuntimeTokenKeys.all,
    mutationFn: rotateRuntimeToken,
    gcTime: 0,
    onSuccess: async ({ rotateRuntimeToken: rotated }) => {
      queryClient.setQueryData<RuntimeTokensQuery>(runtimeTokenKeys.team(team), (current) =>
        current
          ? {
              runtimeTokens: [
                rotated.token,
                ...current.runtimeTokens.filter((token) => token.id !== rotated.token.id).map((token) => (token.id === rotated.replaced.id ? rotated.replaced : token)),
              ],
            }
          : current,
      );
      await queryClient.invalidateQueries({ queryKey: runtimeTokenKeys.team(team) });
    },
  });
}
