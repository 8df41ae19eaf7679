import type { User } from './user.js';

/**
 * The dev sign-in's people, one per role, so the console works out of the box in `npm start`.
 * Their teams exist in the shipped catalog.
 */
export const DEV_PERSONAS: readonly (User & { description: string })[] = [
  { id: 'ada', name: 'Ada Admin', role: 'admin', teams: [], description: 'Platform admin: may do anything.' },
  { id: 'omar', name: 'Omar Owner', role: 'owner', teams: ['finance-ops'], description: 'Owns the finance-ops automations.' },
  { id: 'olga', name: 'Olga Owner', role: 'owner', teams: ['finance-ops'], description: 'Co-owns finance-ops: approves changes Omar asks for.' },
  { id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'], description: 'On call for finance-ops.' },
  { id: 'oscar', name: 'Oscar Operator', role: 'operator', teams: ['finance-ops'], description: 'Second on call for finance-ops: approves Otto’s large reprocesses.' },
  { id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [], description: 'Reads the catalog and dashboards.' },
];
