import { graphql } from '@/gql';

/** A reprocess or discard request as lists show it: who, why, what, and how far it has come. */
export const ReprocessRequestSummaryFragment = graphql(`
  fragment ReprocessRequestSummary on ReprocessRequest {
    id
    action
    state
    automations
    selection
    reason
    requestedBy {
      id
      name
    }
    velocity
    total
    createdAt
    updatedAt
    finishedAt
    waitingReason
    canControl
    canReject
    approvalReasons
    canDecide
    decideBlockedReason
    decision {
      decision
      by {
        id
        name
      }
      at
      note
    }
    errorGroups {
      automation
      errorClass
      count
      sampleDeadLetterId
      sampleMessageId
      sampleError
    }
    progress {
      queued
      dispatched
      acknowledged
      succeeded
      failed
      cancelled
    }
    canary {
      requestedCount
      requestedPercent
      maxFailureRate
      size
      stage
      sent
      awaiting
      succeeded
      failed
      rest
      decision {
        outcome
        reason
        at
        by {
          id
          name
        }
        succeeded
        failed
        awaiting
      }
    }
  }
`);

/** One request on its own page: the summary, plus the latest failures and retries. */
export const ReprocessRequestDetailFragment = graphql(`
  fragment ReprocessRequestDetail on ReprocessRequest {
    ...ReprocessRequestSummary
    failedAgain
    recentErrors {
      deadLetterId
      messageId
      state
      attempts
      error
    }
  }
`);
