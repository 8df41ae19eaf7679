import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuntimeTokensQuery } from '@/gql/graphql';
import { revokeRuntimeToken, revokeRuntimeTokenKeys } from '../api/revokeRuntimeTokenMutation';
import { runtimeTokenKeys } from '../api/runtimeTokensQuery';

export function useRevokeRuntimeToken(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: revokeRuntimeTokenKeys.all,
    mutationFn: revokeRuntimeToken,
    onSuccess: async ({ revokeRuntimeToken: revoked }) => {
      queryClient.setQueryData<RuntimeTokensQuery>(runtimeTokenKeys.team(team), (current) =>
        current ? { runtimeTokens: current.runtimeTokens.map((token) => (token.id === revoked.id ? revoked : token)) } : current,
      );
      await queryClient.invalidateQueries({ queryKey: runtimeTokenKeys.team(team) });
    },
  });
}
