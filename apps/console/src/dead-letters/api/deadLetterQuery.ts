import { queryOptions } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { graphqlRequest } from '@/shared/graphql/graphqlRequest';

const DeadLetterQuery = graphql(`
  query DeadLetter($id: ID!) {
    deadLetter(id: $id) {
      id
      automation {
        slug
        title
      }
      sourceKind
      sourceQueue
      messageId
      fingerprint
      errorClass
      errorMessage
      earlierErrors {
        errorClass
        errorMessage
        until
      }
      attempts
      deliveries
      firstFailedAt
      lastFailedAt
      status
      correlationId
      runId
      payload
      payloadFormat
      contentType
      contentEncoding
      bodyBytes
      headers
      payloadMasked
      reprocessOf
      actions {
        requestId
        action
        requestState
        requestedBy
        requestedAt
        reason
        route
        state
        reprocessId
        attempts
        lastError
        dispatchedAt
        acknowledgedAt
        finishedAt
        newDeadLetterId
      }
    }
  }
`);

export const deadLetterKeys = {
  all: ['dead-letter'] as const,
  detail: (id: string) => [...deadLetterKeys.all, id] as const,
};

/** One dead letter with its payload (masked per the viewer's role), headers, and the reprocesses and discards that included it. */
export function deadLetterQueryOptions(id: string) {
  return queryOptions({
    queryKey: deadLetterKeys.detail(id),
    queryFn: () => graphqlRequest(DeadLetterQuery, { id }),
  });
}
