import { useCallback, useMemo, useState } from 'react';
import type { ApiFieldError } from '@/shared/graphql/ApiError';
import { errorTarget, normalizePath } from '../form/fieldPaths';
import type { FormProblemsValue, PlacedProblem } from '../form/FormProblemsContext';

interface ProblemsState {
  problems: PlacedProblem[];
  message: string | undefined;
}

const NONE: ProblemsState = { problems: [], message: undefined };

/**
 * The form's problems: placed on inputs when reported, cleared input by input as the user fixes
 * them, and all of them again on the next submit.
 */
export function useFormProblems() {
  const [state, setState] = useState<ProblemsState>(NONE);

  const report = useCallback((fields: readonly ApiFieldError[], known: ReadonlySet<string>, message?: string) => {
    const problems = fields.map((field) => {
      const path = normalizePath(field.path);
      return { ...field, path, target: errorTarget(path, known) };
    });
    setState({ problems, message });
  }, []);

  const reset = useCallback(() => setState(NONE), []);

  const clearAt = useCallback((target: string) => {
    setState((current) =>
      current.problems.some((problem) => problem.target === target) ? { ...current, problems: current.problems.filter((problem) => problem.target !== target) } : current,
    );
  }, []);

  /** Items of a list moved: problems placed by index no longer point at the right item. */
  const clearList = useCallback((list: string) => {
    setState((current) => ({
      ...current,
      problems: current.problems.filter((problem) => problem.target !== list && !problem.target.startsWith(`${list}[`)),
    }));
  }, []);

  const context = useMemo<FormProblemsValue>(() => ({ problemsAt: (target) => state.problems.filter((problem) => problem.target === target), clearAt }), [state.problems, clearAt]);

  return { problems: state.problems, message: state.message, report, reset, clearList, context };
}
