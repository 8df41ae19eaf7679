import { useQuery } from '@tanstack/react-query';
import { teamTreeQueryOptions } from '../api/teamTreeQuery';

export function useTeamTree() {
  return useQuery(teamTreeQueryOptions());
}
