import { graphql } from '@/gql';

/** What one row of the catalog shows; `status` is read for the whole page in one batch by the api. */
export const CatalogAutomationFragment = graphql(`
  fragment CatalogAutomation on Automation {
    slug
    title
    type
    lifecycle
    riskDomains
    tags
    systems
    source
    archivedAt
    owner {
      name
      title
    }
    onCall {
      name
      slack
    }
    status {
      health
      openAlerts
      runsLast24h
      failedLast24h
    }
  }
`);
