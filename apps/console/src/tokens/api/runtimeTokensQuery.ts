import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const RuntimeTokensQuery = graphql(`
  query RuntimeTokens($team: String!) {
    runtimeTokens(team: $team) {
      ...RuntimeTokenFields
    }
  }
`);

export const runtimeTokenKeys = {
  all: ['runtime-tokens'] as const,
  team: (team: string) => [...runtimeTokenKeys.all, team] as const,
};

export function runtimeTokensQueryOptions(team: string) {
  return queryOptions({
    queryKey: runtimeTokenKeys.team(team),
    queryFn: () => graphqlRequest(RuntimeTokensQuery, { team }),
  });
}
