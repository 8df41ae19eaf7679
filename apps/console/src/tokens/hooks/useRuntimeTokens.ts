import { useQuery } from '@tanstack/react-query';
import { runtimeTokensQueryOptions } from '../api/runtimeTokensQuery';

export function useRuntimeTokens(team: string, enabled = true) {
  return useQuery({ ...runtimeTokensQueryOptions(team), enabled });
}
