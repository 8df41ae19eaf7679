import type { Role } from '@/gql/graphql';

/** Roles that may read the audit trail (the api's `audit:read`): operators and owners for their teams, admins for all. */
export function mayReadAudit(person: { role: Role } | undefined): boolean {
  return person !== undefined && person.role !== 'viewer';
}
