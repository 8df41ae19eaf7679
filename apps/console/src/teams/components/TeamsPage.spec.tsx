import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TeamTreeQuery } from '@/gql/graphql';
import { aViewer } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { TeamsPage } from './TeamsPage';

type Team = TeamTreeQuery['teams'][number];

function aTeam(overrides: Partial<Team> & Pick<Team, 'name' | 'title'>): Team {
  return { description: null, namespace: 'default', parent: null, automationCount: 0, people: [], ...overrides };
}

/** A Backstage org of three levels, listed by title as the api lists them (children before parents). */
const ORG: Team[] = [
  aTeam({
    name: 'accounts.receivable',
    title: 'Accounts Receivable',
    parent: 'finance',
    automationCount: 2,
    people: [{ name: 'jenny.doe', displayName: 'Jenny Doe', email: 'jenny-doe@northwind.example' }],
  }),
  aTeam({ name: 'finance', title: 'Finance', parent: 'northwind', people: [{ name: 'jenny.doe', displayName: 'Jenny Doe', email: 'jenny-doe@northwind.example' }] }),
  aTeam({ name: 'northwind', title: 'Northwind Traders', description: 'The whole company.' }),
  aTeam({
    name: 'payments',
    title: 'Payments Engineering',
    parent: 'finance',
    automationCount: 1,
    people: [
      { name: 'amara_okafor', displayName: 'Amara Okafor', email: 'amara@northwind.example' },
      { name: 'lukas', displayName: null, email: null },
    ],
  }),
  aTeam({ name: 'emea/team-a', title: 'Team A (EMEA)', namespace: 'emea', people: [{ name: 'emea/sofia', displayName: 'Sofia', email: null }] }),
];

const branchOf = (title: string) => screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('li') as HTMLElement;

describe(TeamsPage.name, () => {
  it('shows the Group hierarchy as a tree, each team with its members, and the namespace of a team outside the default one', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), TeamTree: () => ({ data: { teams: ORG } }) });
    renderApp('/teams');

    const roots = await screen.findByRole('list', { name: 'Team tree' });
    const rootTitles = within(roots)
      .getAllByRole('heading')
      .filter((heading) => heading.closest('ul') === roots)
      .map((heading) => heading.textContent);
    expect(rootTitles).toEqual(['Northwind Traders', 'Team A (EMEA) namespace emea']);

    const underNorthwind = within(branchOf('Northwind Traders')).getByRole('list', { name: 'Teams under Northwind Traders' });
    expect(within(underNorthwind).getByRole('heading', { name: 'Finance' })).toBeTruthy();
    const underFinance = within(branchOf('Finance')).getByRole('list', { name: 'Teams under Finance' });
    expect(
      within(underFinance)
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual(['Accounts Receivable', 'Payments Engineering']);

    const payments = within(branchOf('Payments Engineering')).getByRole('list', { name: 'Members of Payments Engineering' });
    expect(
      within(payments)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Amara Okafor amara@northwind.example', 'lukas']);
    expect(within(branchOf('Payments Engineering')).getByRole('link', { name: '1 automation' }).getAttribute('href')).toBe('/?owner=payments');
    expect(within(branchOf('Team A')).getByText('namespace emea')).toBeTruthy();
    expect(within(branchOf('Northwind Traders')).queryByText(/^namespace/)).toBeNull();
    expect(within(branchOf('Northwind Traders')).getAllByText('No members in the catalog.')[0]).toBeTruthy();
  });

  it('says where teams come from when there are none', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), TeamTree: () => ({ data: { teams: [] } }) });
    renderApp('/teams');
    const empty = await screen.findByRole('status', { name: 'No teams yet' });
    expect(empty.textContent).toContain('npm run catalog -- validate');
  });

  it('says the teams could not be loaded, and loads them on retry', async () => {
    let calls = 0;
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      TeamTree: () => {
        calls += 1;
        return calls === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'The database did not answer in time.') : { data: { teams: ORG } };
      },
    });
    renderApp('/teams');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The teams could not be loaded');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Team tree' })).toBeTruthy();
  });
});
