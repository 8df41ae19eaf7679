import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuntimeTokensQuery } from '@/gql/graphql';
import { createRuntimeToken, createRuntimeTokenKeys } from '../api/createRuntimeTokenMutation';
import { runtimeTokenKeys } from '../api/runtimeTokensQuery';

/**
 * Creates a token. The secret comes back once: the caller takes it from `onSuccess` into component
 * state and resets the mutation, which (with gcTime 0) drops it from the mutation cache at once, so
 * it lives nowhere else. The token list gets the token without its secret.
 */
export function useCreateRuntimeToken(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: createRuntimeTokenKeys.all,
    mutationFn: createRuntimeToken,
    gcTime: 0,
    onSuccess: async ({ createRuntimeToken: created }) => {
      queryClient.setQueryData<RuntimeTokensQuery>(runtimeTokenKeys.team(team), (current) =>
        current ? { runtimeTokens: [created.token, ...current.runtimeTokens.filter((token) => token.id !== created.token.id)] } : current,
      );
      await queryClient.invalidateQueries({ queryKey: runtimeTokenKeys.team(team) });
    },
  });
}
