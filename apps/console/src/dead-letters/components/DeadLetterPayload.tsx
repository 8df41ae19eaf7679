import { useMemo } from 'react';

/** The JSON text, indented; text that is not JSON as received. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The message body as the runtime handed it over, sensitive fields masked unless the viewer may see them. */
export function DeadLetterPayload({ payload, masked }: { payload: string; masked: boolean }) {
  const text = useMemo(() => prettyJson(payload), [payload]);
  return (
    <div className="stack">
      {masked ? (
        <p className="banner banner--caution" role="note">
          <strong>Some fields are hidden: your role cannot see payloads.</strong> Fields the automation marks sensitive read “••••”. An owner of
          the automation or an admin can see them.
        </p>
      ) : null}
      <pre className="code-block dead-letter-payload" tabIndex={0} aria-label="Payload as received">
        <code>{text}</code>
      </pre>
    </div>
  );
}
