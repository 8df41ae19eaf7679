import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntriesQuery } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { Button } from '@/shared/ui/Button';
import { Table } from '@/shared/ui/Table';
import { describeAction, describeActorKind, describeDetail, targetOf } from '../auditWords';
import { AuditEntryChanges } from './AuditEntryChanges';
import styles from './AuditTable.module.css';

export type AuditEntryRow = AuditEntriesQuery['auditEntries']['edges'][number]['node'];

interface AuditTableProps {
  entries: readonly AuditEntryRow[];
  /** Name what each entry was done to (off where every entry concerns the same thing, e.g. one request's page). */
  showTarget?: boolean;
}

/** The trail, newest first, with each entry's details in words; a row that changed something opens to show what. */
export function AuditTable({ entries, showTarget = true }: AuditTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  const columns = showTarget ? 6 : 5;

  return (
    <Table>
      <caption className="visually-hidden">Audit trail, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          {showTarget ? <th scope="col">On</th> : null}
          <th scope="col">Why</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const target = targetOf(entry);
          const expanded = open.has(entry.id);
          const changesId = `audit-entry-${entry.id}-changes`;
          const changed = entry.before !== null || entry.after !== null;
          return (
            <Fragment key={entry.id}>
              <tr data-action={entry.action}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                </td>
                <td>
                  {entry.actor.name}
                  {entry.actorKind === 'person' || entry.actor.name === describeActorKind(entry.actorKind) ? null : (
                    <span className="muted"> · {describeActorKind(entry.actorKind)}</span>
                  )}
                </td>
                <td>{describeAction(entry.action)}</td>
                {showTarget ? <td>{target.path === null ? target.label : <Link to={target.path}>{target.label}</Link>}</td> : null}
                <td>{entry.reason ?? <span className="muted">—</span>}</td>
                <td className={styles.detail}>
                  {describeDetail(entry.detail).join(' · ')}
                  {changed ? ' ' : null}
                  {changed ? (
                    <Button
                      variant="quiet"
                      size="small"
                      aria-expanded={expanded}
                      aria-controls={expanded ? changesId : undefined}
                      aria-label={`${expanded ? 'Hide' : 'Show'} the changes: ${describeAction(entry.action)}, ${formatInstant(entry.at)}`}
                      onClick={() => toggle(entry.id)}
                    >
                      {expanded ? 'Hide changes' : 'Show changes'}
                    </Button>
                  ) : null}
                </td>
              </tr>
              {expanded && changed ? (
                <tr id={changesId}>
                  <td colSpan={columns}>
                    <AuditEntryChanges entry={entry} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
