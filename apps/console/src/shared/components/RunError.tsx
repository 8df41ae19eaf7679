import { type ReactNode, useId, useState } from 'react';
import { Button } from '@/shared/ui/Button';
import styles from './RunError.module.css';

/** Longer messages are cut to one line until asked for; the whole text is also the hover title. */
const LONG_MESSAGE = 90;

/** An error's class (`NetSuiteValidationError`), in the colour of failure. */
export function ErrorClass({ children }: { children: ReactNode }) {
  return <code className={styles.errorClass}>{children}</code>;
}

/** An error's message on one line, cut with an ellipsis; `span` where a paragraph may not go (inside a button). */
export function ErrorMessageLine({ text, title, as: Tag = 'p', className }: { text: string; title?: string; as?: 'p' | 'span'; className?: string }) {
  return (
    <Tag className={className ? `${styles.message} ${className}` : styles.message} title={title}>
      {text}
    </Tag>
  );
}

/** An error's class above its message, the way a table cell shows it; the class can be a link. */
export function ErrorSummary({ children }: { children: ReactNode }) {
  return <div className={styles.error}>{children}</div>;
}

/** A run's error: its class, and its message on one line with "Show all" when it is long. */
export function RunError({ errorClass, errorMessage }: { errorClass: string | null; errorMessage: string | null }) {
  const [expanded, setExpanded] = useState(false);
  const messageId = useId();
  if (!errorClass && !errorMessage) {
    return <span className="muted">—</span>;
  }
  const long = (errorMessage?.length ?? 0) > LONG_MESSAGE;
  return (
    <ErrorSummary>
      {errorClass ? <ErrorClass>{errorClass}</ErrorClass> : null}
      {errorMessage ? (
        <p id={messageId} className={expanded ? `${styles.message} ${styles.full}` : styles.message} title={errorMessage}>
          {errorMessage}
        </p>
      ) : null}
      {long ? (
        <Button variant="quiet" size="small" aria-expanded={expanded} aria-controls={messageId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show all'}
        </Button>
      ) : null}
    </ErrorSummary>
  );
}
