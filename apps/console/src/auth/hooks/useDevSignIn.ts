import { useMutation, useQueryClient } from '@tanstack/react-query';
import { devSignIn, devSignInKeys } from '../api/devSignInMutation';
import { sessionKeys } from '../api/sessionQuery';

export function useDevSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: devSignInKeys.all,
    mutationFn: devSignIn,
    onSuccess: async () => {
      // Nothing cached for a previous user may leak into this one's pages.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      await queryClient.refetchQueries({ queryKey: sessionKeys.all });
    },
  });
}
