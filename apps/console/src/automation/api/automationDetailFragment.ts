import { graphql } from '@/gql';

/** Everything the automation page and the edit form need. */
export const AutomationDetailFragment = graphql(`
  fragment AutomationDetail on Automation {
    slug
    title
    description
    type
    lifecycle
    owner {
      name
      title
    }
    onCall {
      name
      email
      slack
      schedule
    }
    systems
    riskDomains
    tags
    links {
      title
      url
      type
    }
    annotations {
      key
      value
      label
      url
    }
    labels {
      key
      value
    }
    system
    runtime {
      kind
      queue
      deadLetterQueue
      exchange
      routingKey
      stream
      consumer
      subject
      serviceName
      reprocessUrl
      signingSecret
      connection
    }
    slos {
      name
      title
      indicator
      objective
      threshold
      percentile
      maxBacklog
      window
      runbook
    }
    kpis {
      name
      title
      unit
      direction
      source
      baseline {
        value
        from
        to
        note
      }
      target
      currency
      money
      minutesPerTouch
    }
    runbooks {
      id
      title
      markdown
      path
    }
    releases {
      version
      date
      summary
      why
    }
    source
    sourceFile
    archivedAt
    createdAt
    updatedAt
    canEdit
    editBlockedReason
  }
`);
