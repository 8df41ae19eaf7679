import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';
import { refetchIntervalFor } from '../reprocessProgress';

const ReprocessRequestQuery = graphql(`
  query ReprocessRequest($id: ID!) {
    reprocessRequest(id: $id) {
      ...ReprocessRequestDetail
    }
  }
`);

export const reprocessRequestKeys = {
  all: ['reprocess-request'] as const,
  detail: (id: string) => [...reprocessRequestKeys.all, id] as const,
};

/** One request, asked again every second while it moves (running, paused) and less often while outcomes are still due. */
export function reprocessRequestQueryOptions(id: string) {
  return queryOptions({
    queryKey: reprocessRequestKeys.detail(id),
    queryFn: () => graphqlRequest(ReprocessRequestQuery, { id }),
    refetchInterval: (query) => refetchIntervalFor(query.state.data?.reprocessRequest),
  });
}
