import { useQuery } from '@tanstack/react-query';
import { teamsQueryOptions } from '../api/teamsQuery';

export function useTeams() {
  return useQuery(teamsQueryOptions());
}
