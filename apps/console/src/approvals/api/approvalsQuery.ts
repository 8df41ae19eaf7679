import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

export const AutomationChangeFragment = graphql(`
  fragment AutomationChangeItem on AutomationChange {
    id
    state
    ownerTeam
    automation {
      slug
      title
    }
    requestedBy {
      id
      name
    }
    requestedAt
    sloChanges
    changes
    decidedBy {
      id
      name
    }
    decidedAt
    reason
    canDecide
    decideBlockedReason
    canReject
  }
`);

const ApprovalsQuery = graphql(`
  query Approvals {
    approvals {
      waitingForYou
      reprocessRequests {
        ...ReprocessRequestSummary
      }
      automationChanges {
        ...AutomationChangeItem
      }
    }
  }
`);

export const approvalsKeys = {
  all: ['approvals'] as const,
};

/** What waits for the viewer's approval, and what the viewer asked for; asked again every half minute (the nav shows the count). */
export function approvalsQueryOptions() {
  return queryOptions({
    queryKey: approvalsKeys.all,
    queryFn: () => graphqlRequest(ApprovalsQuery),
    refetchInterval: 30_000,
  });
}
