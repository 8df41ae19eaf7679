import { graphql } from '@/gql';

export const RuntimeTokenFieldsFragment = graphql(`
  fragment RuntimeTokenFields on RuntimeToken {
    id
    name
    team
    allAutomations
    automations
    capabilities
    prefix
    createdAt
    createdBy
    lastUsedAt
    expiresAt
    revokedAt
    revokedBy
    replaces
    replacedBy
    state
  }
`);
