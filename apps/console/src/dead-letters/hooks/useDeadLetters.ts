import { useInfiniteQuery } from '@tanstack/react-query';
import type { DeadLetterFilter } from '@/gql/graphql';
import { deadLettersQueryOptions } from '../api/deadLettersQuery';

export function useDeadLetters(filter: DeadLetterFilter) {
  return useInfiniteQuery(deadLettersQueryOptions(filter));
}
