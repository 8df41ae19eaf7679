import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntriesQuery } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { describeAction, describeActorKind, describeDetail, targetOf } from '../auditWords';
import { AuditEntryChanges } from './AuditEntryChanges';

export type AuditEntryRow = AuditEntriesQuery['auditEntries']['edges'][number]['node'];

const COLUMNS = 6;

/** The trail, newest first; a row opens to show what changed. */
export function AuditTable({ entries }: { entries: readonly AuditEntryRow[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });

  return (
    <div className="table-scroll">
      <table className="table audit-trail">
        <caption className="visually-hidden">Audit trail, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Why</th>
            <th scope="col">
              <span className="visually-hidden">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const target = targetOf(entry);
            const expanded = open.has(entry.id);
            const detailsId = `audit-entry-${entry.id}-changes`;
            const opens = entry.before !== null || entry.after !== null ? 'changes' : describeDetail(entry.detail).length > 0 ? 'details' : null;
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
                  <td>{target.path === null ? target.label : <Link to={target.path}>{target.label}</Link>}</td>
                  <td>{entry.reason ?? <span className="muted">—</span>}</td>
                  <td>
                    {opens === null ? null : (
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailsId : undefined}
                        aria-label={`${expanded ? 'Hide' : 'Show'} the ${opens}: ${describeAction(entry.action)}, ${formatInstant(entry.at)}`}
                        onClick={() => toggle(entry.id)}
                      >
                        {expanded ? `Hide ${opens}` : `Show ${opens}`}
                      </button>
                    )}
                  </td>
                </tr>
                {expanded && opens !== null ? (
                  <tr id={detailsId}>
                    <td colSpan={COLUMNS}>
                      <AuditEntryChanges entry={entry} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
