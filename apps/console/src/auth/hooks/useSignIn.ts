import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../api/sessionQuery';
import { signIn, signInKeys } from '../api/signInMutation';

/** Signs in with a local account's username and password. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: signInKeys.all,
    mutationFn: signIn,
    onSuccess: async () => {
      // Nothing cached for a previous user may leak into this one's pages.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      await queryClient.refetchQueries({ queryKey: sessionKeys.all });
    },
  });
}
