import type { ReprocessPreviewQuery } from '@/gql/graphql';
import { Badge } from '@/shared/components/Badge';
import { DEAD_LETTER_SOURCE_LABELS, REPROCESS_ROUTE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { NumericCell, Table } from '@/shared/ui/Table';
import styles from './ReprocessPreviewParts.module.css';

export type ReprocessPreviewPart = ReprocessPreviewQuery['reprocessPreview']['parts'][number];

/** Per automation and source: where the messages go, how many, and what would stop them. */
export function ReprocessPreviewParts({ parts }: { parts: readonly ReprocessPreviewPart[] }) {
  return (
    <Table>
      <caption className="visually-hidden">Where the messages go, by automation</caption>
      <thead>
        <tr>
          <th scope="col">Automation</th>
          <th scope="col">Where they go</th>
          <th scope="col">Messages</th>
          <th scope="col">Warnings</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => (
          <tr key={`${part.automation.slug}:${part.sourceKind}`} data-automation={part.automation.slug}>
            <td>
              {part.automation.title}
              <span className={`${styles.where} muted`}>from {DEAD_LETTER_SOURCE_LABELS[part.sourceKind]}</span>
            </td>
            <td>
              <span className="strong">{REPROCESS_ROUTE_LABELS[part.route]}</span>
              <span className={styles.where}>{part.destination}</span>
            </td>
            <NumericCell>{formatNumber(part.count)}</NumericCell>
            <td>
              {part.allowed ? null : (
                <Badge tone="danger" title="You may not act on this automation’s dead letters">
                  Not allowed
                </Badge>
              )}
              {part.warning ? <p className={styles.warning}>{part.warning}</p> : null}
              {part.allowed && !part.warning ? <span className="muted">None</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
