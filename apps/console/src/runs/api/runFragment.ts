import { graphql } from '@/gql';

/** One run, as the runs table and the correlation trail show it. */
export const RunFieldsFragment = graphql(`
  fragment RunFields on Run {
    automation {
      slug
      title
    }
    runId
    attempt
    correlationId
    status
    startedAt
    finishedAt
    durationMs
    errorClass
    errorMessage
    manualTouch
  }
`);
