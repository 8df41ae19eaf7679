import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const TeamsQuery = graphql(`
  query Teams {
    teams {
      name
      title
      automationCount
      onCall {
        name
        email
        slack
        schedule
      }
    }
  }
`);

export const teamKeys = {
  all: ['teams'] as const,
};

export function teamsQueryOptions() {
  return queryOptions({
    queryKey: teamKeys.all,
    queryFn: () => graphqlRequest(TeamsQuery),
    staleTime: 5 * 60_000,
  });
}
