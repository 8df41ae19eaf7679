import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import { teamKeys } from './teamsQuery';

const TeamTreeQuery = graphql(`
  query TeamTree {
    teams {
      name
      title
      description
      namespace
      parent
      automationCount
      people {
        name
        displayName
        email
      }
    }
  }
`);

export function teamTreeQueryOptions() {
  return queryOptions({
    queryKey: [...teamKeys.all, 'tree'] as const,
    queryFn: () => graphqlRequest(TeamTreeQuery),
  });
}
