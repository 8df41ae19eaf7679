import type { TeamMember } from '@/auth/teamAccess';
import type { PayloadFormat } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { Banner } from '@/shared/ui/Banner';
import styles from './DeadLetterPage.module.css';

export interface DeadLetterPayloadProps {
  /** The api's view of the body: JSON indented with every number as written, other text as it is, or base64. */
  payload: string;
  masked: boolean;
  format: PayloadFormat;
  contentType: string | null;
  contentEncoding: string | null;
  bodyBytes: number;
  /** The signed-in person, and the team owning the automation (undefined while unknown): they say why fields are hidden. */
  viewer?: TeamMember;
  ownerTeam?: string;
}

/**
 * Why fields are hidden, in the api's rule (dead-letter:payload on the owning team): an operator or owner
 * of another team may read their own teams' payloads, so it is the team, not the role, that hides them.
 */
export function maskedReason(viewer: TeamMember | undefined, ownerTeam: string | undefined): { headline: string; who: string } {
  if (viewer && viewer.role !== 'viewer' && viewer.role !== 'admin' && ownerTeam !== undefined && !viewer.teams.includes(ownerTeam)) {
    return {
      headline: `Some fields are hidden: this is another team’s payload (${ownerTeam}).`,
      who: `People on the ${ownerTeam} team or an admin can see them.`,
    };
  }
  return { headline: 'Some fields are hidden: your role cannot see payloads.', who: 'An owner of the automation or an admin can see them.' };
}

/**
 * The message body as the runtime handed it over, sensitive fields masked unless the viewer may see
 * them. Shown as the api derived it from the stored bytes, never parsed again here: a JavaScript
 * JSON parser would change 9007199254740993 and 10.50.
 */
export function DeadLetterPayload({ payload, masked, format, contentType, contentEncoding, bodyBytes, viewer, ownerTeam }: DeadLetterPayloadProps) {
  const why = maskedReason(viewer, ownerTeam);
  const described = [contentType ?? 'no content type', ...(contentEncoding === null ? [] : [`encoded ${contentEncoding}`]), `${formatNumber(bodyBytes)} bytes`].join(' · ');
  return (
    <div className="stack">
      {masked ? (
        <Banner tone="caution" role="note">
          <strong>{why.headline}</strong> Fields the automation marks sensitive read “••••”. {why.who}
        </Banner>
      ) : null}
      <p className="muted" aria-label="Body">
        {described}
      </p>
      {format === 'base64' ? <Banner role="note">This body is not text, so it is shown as base64. A reprocess sends its bytes back exactly as they came.</Banner> : null}
      <pre className={`code-block ${styles.payload}`} tabIndex={0} aria-label="Payload as received">
        <code>{payload}</code>
      </pre>
    </div>
  );
}
