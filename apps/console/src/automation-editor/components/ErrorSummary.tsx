import type { Ref } from 'react';
import { describePath, fieldId } from '../form/fieldPaths';
import type { PlacedProblem } from '../form/FormProblemsContext';
import styles from './ErrorSummary.module.css';

interface ErrorSummaryProps {
  problems: readonly PlacedProblem[];
  message: string | undefined;
  ref?: Ref<HTMLDivElement>;
}

function focusTarget(target: string) {
  const element = document.getElementById(fieldId(target));
  element?.focus();
}

/** Every problem at the top of the form, each linking to the input it belongs to. */
export function ErrorSummary({ problems, message, ref }: ErrorSummaryProps) {
  if (problems.length === 0 && message === undefined) {
    return null;
  }
  const heading =
    problems.length === 0 ? 'The automation was not saved' : `${problems.length} ${problems.length === 1 ? 'problem stops' : 'problems stop'} this automation from being saved`;
  return (
    <div ref={ref} className={styles.summary} role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className={styles.title}>
        {heading}
      </h2>
      {message ? <p>{message}</p> : null}
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              {problem.target ? (
                <a
                  href={`#${fieldId(problem.target)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusTarget(problem.target);
                  }}
                >
                  {describePath(problem.path)}
                </a>
              ) : (
                <span className="strong">{describePath(problem.path)}</span>
              )}
              : {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
