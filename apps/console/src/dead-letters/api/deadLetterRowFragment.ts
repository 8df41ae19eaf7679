import { graphql } from '@/gql';

/** One dead letter as the workbench list shows it: no payload or headers (those are for the detail page). */
export const DeadLetterRowFragment = graphql(`
  fragment DeadLetterRow on DeadLetter {
    id
    automation {
      slug
      title
    }
    fingerprint
    errorClass
    errorMessage
    attempts
    deliveries
    lastFailedAt
    status
    correlationId
  }
`);
