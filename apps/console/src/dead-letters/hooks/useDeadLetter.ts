import { useQuery } from '@tanstack/react-query';
import { deadLetterQueryOptions } from '../api/deadLetterQuery';

export function useDeadLetter(id: string) {
  return useQuery(deadLetterQueryOptions(id));
}
