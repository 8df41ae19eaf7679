import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      role
      teams
      canRegister
    }
  }
`);

export const viewerKeys = {
  all: ['viewer'] as const,
};

export function viewerQueryOptions() {
  return queryOptions({
    queryKey: viewerKeys.all,
    queryFn: () => graphqlRequest(ViewerQuery),
    staleTime: 60_000,
  });
}
