import { createContext, useContext } from 'react';
import type { ApiFieldError } from '@/shared/graphql/ApiError';

/** A problem the api (or the form) reported, placed on the input that shows it. */
export interface PlacedProblem extends ApiFieldError {
  /** The input or group it is shown on; '' when only the summary shows it. */
  target: string;
}

export interface FormProblemsValue {
  problemsAt: (target: string) => readonly PlacedProblem[];
  /** The input changed: its problems are stale. */
  clearAt: (target: string) => void;
}

const NO_PROBLEMS: FormProblemsValue = { problemsAt: () => [], clearAt: () => undefined };

export const FormProblemsContext = createContext<FormProblemsValue>(NO_PROBLEMS);

export function useFieldProblems(path: string) {
  const { problemsAt, clearAt } = useContext(FormProblemsContext);
  return { problems: problemsAt(path), clear: () => clearAt(path) };
}
