import type { PayloadFormat } from '@/gql/graphql';

const bytes = new Intl.NumberFormat('en-GB');

export interface DeadLetterPayloadProps {
  /** The api's view of the body: JSON indented with every number as written, other text as it is, or base64. */
  payload: string;
  masked: boolean;
  format: PayloadFormat;
  contentType: string | null;
  contentEncoding: string | null;
  bodyBytes: number;
}

/**
 * The message body as the runtime handed it over, sensitive fields masked unless the viewer may see
 * them. Shown as the api derived it from the stored bytes, never parsed again here: a JavaScript
 * JSON parser would change 9007199254740993 and 10.50.
 */
export function DeadLetterPayload({ payload, masked, format, contentType, contentEncoding, bodyBytes }: DeadLetterPayloadProps) {
  const described = [contentType ?? 'no content type', ...(contentEncoding === null ? [] : [`encoded ${contentEncoding}`]), `${bytes.format(bodyBytes)} bytes`].join(' · ');
  return (
    <div className="stack">
      {masked ? (
        <p className="banner banner--caution" role="note">
          <strong>Some fields are hidden: your role cannot see payloads.</strong> Fields the automation marks sensitive read “••••”. An owner of
          the automation or an admin can see them.
        </p>
      ) : null}
      <p className="muted" aria-label="Body">
        {described}
      </p>
      {format === 'base64' ? (
        <p className="banner" role="note">
          This body is not text, so it is shown as base64. A reprocess sends its bytes back exactly as they came.
        </p>
      ) : null}
      <pre className="code-block dead-letter-payload" tabIndex={0} aria-label="Payload as received">
        <code>{payload}</code>
      </pre>
    </div>
  );
}
