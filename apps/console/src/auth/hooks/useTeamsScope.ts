import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { useSignedInUser } from './useSignedInUser';

/** The URL parameter that widens a list from the viewer's teams to every team. */
export const TEAMS_PARAM = 'teams';
export const ALL_TEAMS = 'all';

const MY_TEAMS = { [TEAMS_PARAM]: '' };
const readTeams = (params: URLSearchParams) => ({ [TEAMS_PARAM]: params.get(TEAMS_PARAM) === ALL_TEAMS ? ALL_TEAMS : '' });

export interface TeamsScope {
  /** The viewer's teams; empty for those on none (admins, viewers), who see every team's. */
  myTeams: string[];
  /** The teams the list is narrowed to; null for every team. */
  teams: string[] | null;
  /** Show every team's (true) or only the viewer's (false); the choice lives in the URL. */
  showAll: (all: boolean) => void;
}

/**
 * "My teams" first: someone on teams opens Alerts and Dead letters on their teams' automations, with
 * the others one click away (`?teams=all`); someone on no team sees every team's.
 */
export function useTeamsScope(): TeamsScope {
  const user = useSignedInUser();
  const { values, set } = useUrlState(readTeams, MY_TEAMS);
  const myTeams = user?.teams ?? [];
  const all = values[TEAMS_PARAM] === ALL_TEAMS || myTeams.length === 0;
  const showAll = useCallback((wanted: boolean) => set({ [TEAMS_PARAM]: wanted ? ALL_TEAMS : '' }), [set]);
  return { myTeams, teams: all ? null : myTeams, showAll };
}
