import { automationInput } from '../fixtures.js';
import type { AccessCase } from './access-case.js';

/** The matrix's two teams: the other one than `team`. */
const otherTeamThan = (team: string) => (team === 'finance-ops' ? 'order-ops' : 'finance-ops');

const UPDATE_WITH_PENDING = `mutation($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug pendingChange { id } } }`;

/** The answer of an update that was not applied but waits for the owner team. */
const waitsForApproval = (data: { updateAutomation?: { pendingChange: { id: string } | null } } | null | undefined) => (data?.updateAutomation?.pendingChange ?? null) !== null;

export const cases: AccessCase[] = [
  { operation: 'Query.viewer', document: `{ viewer { name role } }` },
  { operation: 'Query.teams', document: `{ teams { name } }` },
  { operation: 'Query.automationFacets', document: `{ automationFacets { tags } }` },
  { operation: 'Query.automations', document: `query($team: String!) { automations(filter: { owner: $team }) { totalCount } }`, prepare: (_context, team) => ({ team }) },
  {
    operation: 'Query.automation',

    document: `query($slug: String!) { automation(slug: $slug) { slug } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Query.exportAutomation',

    document: `query($slug: String!) { exportAutomation(slug: $slug) }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Mutation.registerAutomation',

    document: `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`,
    prepare: (_context, team) => ({ input: automationInput({ slug: `registered-${team}-${Math.random().toString(36).slice(2, 8)}`, owner: team }) }),
  },
  {
    operation: 'Mutation.updateAutomation',

    document: `mutation($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug title } }`,
    prepare: async (context, team) => {
      const slug = await context.registerAutomation(team);
      return { slug, input: automationInput({ slug, owner: team, title: 'Vendor bill capture, with PDF splitting' }) };
    },
  },
  {
    // Admins' moves wait for an owner of the team; owners may not move automations to a team they do not own.
    operation: 'Mutation.updateAutomation',
    variant: 'moving a risk-domain automation to another team',
    document: UPDATE_WITH_PENDING,
    prepare: async (context, team) => {
      const slug = await context.registerAutomation(team);
      return { slug, input: automationInput({ slug, owner: otherTeamThan(team), riskDomains: ['billing'] }) };
    },
    held: waitsForApproval,
  },
  {
    operation: 'Mutation.updateAutomation',
    variant: 'taking a risk domain away',
    document: UPDATE_WITH_PENDING,
    prepare: async (context, team) => {
      const slug = await context.registerAutomation(team);
      return { slug, input: automationInput({ slug, owner: team, riskDomains: [] }) };
    },
    held: waitsForApproval,
  },
  {
    operation: 'Mutation.archiveAutomation',

    document: `mutation($slug: String!) { archiveAutomation(slug: $slug) { slug } }`,
    prepare: async (context, team) => ({ slug: await context.registerAutomation(team) }),
  },
];
