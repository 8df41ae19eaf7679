import { Badge } from '@/shared/components/Badge';
import { formatDateTime, formatTimeAgo } from '@/shared/format/dates';
import { TOKEN_CAPABILITY_LABELS } from '@/shared/format/labels';
import type { RuntimeToken } from '../tokenScope';

interface TokenTableProps {
  tokens: readonly RuntimeToken[];
  titles: ReadonlyMap<string, string>;
  onRevoke: (token: RuntimeToken) => void;
}

export function TokenTable({ tokens, titles, onRevoke }: TokenTableProps) {
  return (
    <div className="table-scroll">
      <table className="table token-table">
        <caption className="visually-hidden">Runtime tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Automations</th>
            <th scope="col">May</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? 'token-table__row--revoked' : undefined} data-token-id={token.id}>
              <td>
                <span className="strong">{token.name}</span>
                <code className="catalog-table__slug">{token.prefix}…</code>
              </td>
              <td>
                {token.automations.length === 0 ? (
                  <span className="muted">All automations of the team</span>
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
                <span className="muted token-table__by"> by {token.createdBy}</span>
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
                {token.revokedAt ? (
                  <Badge tone="muted" title={formatDateTime(token.revokedAt)}>
                    Revoked {formatDateTime(token.revokedAt)}
                  </Badge>
                ) : (
                  <Badge tone="good">Active</Badge>
                )}
              </td>
              <td>
                {token.revokedAt ? null : (
                  <button type="button" className="button button--danger-quiet button--small" aria-label={`Revoke ${token.name}`} onClick={() => onRevoke(token)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
