import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../api/sessionQuery';
import { signOut, signOutKeys } from '../api/signOutMutation';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: signOutKeys.all,
    mutationFn: signOut,
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      await queryClient.refetchQueries({ queryKey: sessionKeys.all });
    },
  });
}
