import { graphql } from '@/gql';

/** What one row of the catalog shows. */
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
  }
`);
