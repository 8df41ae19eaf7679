import type { RuntimeTokenState } from '@/gql/graphql';
import { Badge, type BadgeTone } from '@/shared/components/Badge';
import { Slug } from '@/shared/components/Slug';
import { formatDateTime, formatTimeAgo } from '@/shared/format/dates';
import { TOKEN_CAPABILITY_LABELS } from '@/shared/format/labels';
import { Actions, ActionsReason } from '@/shared/ui/Actions';
import { Button } from '@/shared/ui/Button';
import { Table } from '@/shared/ui/Table';
import { type RuntimeToken, TOKEN_STATE_LABELS, describeExpiry, rotateBlockedReason } from '../tokenScope';
import styles from './RuntimeTokens.module.css';

interface TokenTableProps {
  tokens: readonly RuntimeToken[];
  titles: ReadonlyMap<string, string>;
  onRotate: (token: RuntimeToken) => void;
  onRevoke: (token: RuntimeToken) => void;
}

const STATE_TONES: Record<RuntimeTokenState, BadgeTone> = {
  active: 'good',
  replaced: 'caution',
  expired: 'danger',
  revoked: 'muted',
};

function StateBadge({ token }: { token: RuntimeToken }) {
  const detail =
    token.state === 'revoked' && token.revokedAt
      ? `Revoked ${formatDateTime(token.revokedAt)}${token.revokedBy ? ` by ${token.revokedBy}` : ''}`
      : token.state === 'replaced'
        ? `Rotated: works until ${formatDateTime(token.expiresAt)}, then the new token takes over`
        : undefined;
  return (
    <>
      <Badge tone={STATE_TONES[token.state]} title={detail}>
        {TOKEN_STATE_LABELS[token.state]}
      </Badge>
      {token.state === 'revoked' && token.revokedBy ? <span className={`muted ${styles.by}`}> by {token.revokedBy}</span> : null}
    </>
  );
}

function Expiry({ token }: { token: RuntimeToken }) {
  const { text, soon } = describeExpiry(token);
  const time = (
    <time dateTime={token.expiresAt} title={formatDateTime(token.expiresAt)}>
      {text}
    </time>
  );
  // Highlighted under two weeks, so someone rotates it before runtimes are refused.
  return soon ? <Badge tone="caution">{time}</Badge> : time;
}

function TokenActions({ token, onRotate, onRevoke }: { token: RuntimeToken; onRotate: () => void; onRevoke: () => void }) {
  const blocked = rotateBlockedReason(token);
  const reasonId = `token-${token.id}-rotate-blocked`;
  return (
    <Actions>
      {blocked === null ? (
        <Button size="small" aria-label={`Rotate ${token.name}`} onClick={onRotate}>
          Rotate
        </Button>
      ) : (
        <>
          <Button size="small" aria-label={`Rotate ${token.name}`} disabled title={blocked} aria-describedby={reasonId}>
            Rotate
          </Button>
          <ActionsReason id={reasonId}>{blocked}</ActionsReason>
        </>
      )}
      {token.state === 'revoked' ? null : (
        <Button variant="danger-quiet" size="small" aria-label={`Revoke ${token.name}`} onClick={onRevoke}>
          Revoke
        </Button>
      )}
    </Actions>
  );
}

export function TokenTable({ tokens, titles, onRotate, onRevoke }: TokenTableProps) {
  return (
    <Table className={styles.table}>
      <caption className="visually-hidden">Runtime tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Automations</th>
          <th scope="col">May</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className={token.state === 'revoked' || token.state === 'expired' ? styles.revoked : undefined} data-token-id={token.id}>
            <td>
              <span className="strong">{token.name}</span>
              <Slug as="code">{token.prefix}…</Slug>
            </td>
            <td>
              {token.allAutomations ? (
                <span className="muted">All automations of the team</span>
              ) : token.automations.length === 0 ? (
                <span className="muted">None: the automations it named moved to other teams</span>
              ) : (
                <ul className="chips" aria-label="Automations">
                  {token.automations.map((slug) => (
                    <li key={slug} className="chip">
                      {titles.get(slug) ?? slug}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              <ul className="chips" aria-label="Capabilities">
                {token.capabilities.map((capability) => (
                  <li key={capability} className="chip">
                    {TOKEN_CAPABILITY_LABELS[capability]}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
              <span className={`muted ${styles.by}`}> by {token.createdBy}</span>
            </td>
            <td>
              {token.lastUsedAt ? (
                <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>
                  {formatTimeAgo(token.lastUsedAt)}
                </time>
              ) : (
                <span className="muted">Never used</span>
              )}
            </td>
            <td>
              <Expiry token={token} />
            </td>
            <td>
              <StateBadge token={token} />
            </td>
            <td>
              <TokenActions token={token} onRotate={() => onRotate(token)} onRevoke={() => onRevoke(token)} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
