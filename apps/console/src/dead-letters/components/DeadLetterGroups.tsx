import { InfoTip } from '@/shared/components/InfoTip';
import type { DeadLetterGroupsQuery } from '@/gql/graphql';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { formatDateTime, formatTimeAgo } from '@/shared/format/dates';
import { DEAD_LETTER_SOURCE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { ErrorClass, ErrorMessageLine } from '@/shared/components/RunError';
import { NumericCell, Table } from '@/shared/ui/Table';
import { DeadLetterTrend } from './DeadLetterTrend';
import styles from './DeadLetterGroups.module.css';

export type DeadLetterGroup = DeadLetterGroupsQuery['deadLetterGroups'][number];

interface DeadLetterGroupsProps {
  groups: readonly DeadLetterGroup[];
  /** The fingerprint the list below is narrowed to, if any. */
  selected: string;
  onSelect: (fingerprint: string) => void;
}

export function DeadLetterGroupsSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <LoadingMessage>Loading dead-letter groups…</LoadingMessage>
      <SkeletonLine width="85%" />
      <SkeletonLine width="70%" />
      <SkeletonLine width="55%" />
    </div>
  );
}

export function DeadLetterGroupsError({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return <ErrorState title="Dead-letter groups could not be loaded" error={error} onRetry={onRetry} retrying={retrying} />;
}

/** What is failing, grouped by error fingerprint, most pending first. Choosing a group narrows the list below to it. */
export function DeadLetterGroups({ groups, selected, onSelect }: DeadLetterGroupsProps) {
  if (groups.length === 0) {
    return (
      <p className="muted" role="status">
        No group of dead letters matches this automation and status.
      </p>
    );
  }
  return (
    <Table>
      <caption className="visually-hidden">Dead letters grouped by error, most pending first</caption>
      <thead>
        <tr>
          <th scope="col">Error</th>
          <th scope="col">Automation</th>
          <th scope="col">Source</th>
          <th scope="col">
            Waiting / total <InfoTip label="How waiting is counted">Pending or failed again: what the dashboards count as waiting now.</InfoTip>
          </th>
          <th scope="col">Seen</th>
          <th scope="col">Last 24 hours</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const isSelected = group.fingerprint === selected;
          return (
            <tr key={group.fingerprint} data-fingerprint={group.fingerprint} className={isSelected ? styles.selected : undefined}>
              <td>
                <button
                  type="button"
                  className={styles.select}
                  aria-pressed={isSelected}
                  title={isSelected ? 'Show every group’s dead letters' : `e.g. ${group.sampleMessage}`}
                  onClick={() => onSelect(isSelected ? '' : group.fingerprint)}
                >
                  <ErrorClass>{group.errorClass}</ErrorClass>
                  <ErrorMessageLine as="span" className={styles.message} text={group.normalizedMessage} />
                </button>
              </td>
              <td>{group.automation.title}</td>
              <td>
                {DEAD_LETTER_SOURCE_LABELS[group.sourceKind]}
                <span className={`${styles.secondLine} mono`}>{group.sourceQueue}</span>
              </td>
              <NumericCell className="nowrap">
                <strong>{formatNumber(group.pending)}</strong> / {formatNumber(group.total)}
                {group.matching === group.pending ? null : (
                  <span className={`${styles.secondLine} muted`} data-testid="group-matching">
                    {formatNumber(group.matching)} match the filters
                  </span>
                )}
              </NumericCell>
              <td className="nowrap">
                <span title={formatDateTime(group.lastSeen)}>last {formatTimeAgo(group.lastSeen)}</span>
                <span className={`${styles.secondLine} muted`} title={formatDateTime(group.firstSeen)}>
                  first {formatTimeAgo(group.firstSeen)}
                </span>
              </td>
              <td>
                <DeadLetterTrend trend={group.trend} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
