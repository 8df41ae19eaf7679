import { graphql } from '@/gql';

/** An alert with its runbook and history, as the alerts page and the automation's SLO tab show it. */
export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    automation
    automationTitle
    slo
    sloTitle
    rule
    severity
    state
    summary
    firedAt
    acknowledgedAt
    acknowledgedBy
    resolvedAt
    acknowledgeBlockedReason
    runbook {
      id
      title
    }
    events {
      at
      kind
      actor
      detail
    }
  }
`);
