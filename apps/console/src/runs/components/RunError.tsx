import { useId, useState } from 'react';

/** Longer messages are cut to one line until asked for; the whole text is also the hover title. */
const LONG_MESSAGE = 90;

export function RunError({ errorClass, errorMessage }: { errorClass: string | null; errorMessage: string | null }) {
  const [expanded, setExpanded] = useState(false);
  const messageId = useId();
  if (!errorClass && !errorMessage) {
    return <span className="muted">—</span>;
  }
  const long = (errorMessage?.length ?? 0) > LONG_MESSAGE;
  return (
    <div className="run-error">
      {errorClass ? <code className="run-error__class">{errorClass}</code> : null}
      {errorMessage ? (
        <p id={messageId} className={expanded ? 'run-error__message run-error__message--full' : 'run-error__message'} title={errorMessage}>
          {errorMessage}
        </p>
      ) : null}
      {long ? (
        <button type="button" className="button button--quiet button--small" aria-expanded={expanded} aria-controls={messageId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show all'}
        </button>
      ) : null}
    </div>
  );
}
