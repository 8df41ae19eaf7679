import type { AuditEntryRow } from './AuditTable';
import { describeDetail, fieldChanges } from '../auditWords';

/** What an entry changed, field by field (before → after), and anything else it recorded. */
export function AuditEntryChanges({ entry }: { entry: AuditEntryRow }) {
  const changes = fieldChanges(entry.before, entry.after);
  const details = describeDetail(entry.detail);
  return (
    <div className="stack">
      {entry.before === null && entry.after === null ? null : changes.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">What changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{change.before ?? <span className="muted">—</span>}</td>
                <td>{change.after ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No fields changed.</p>
      )}
      {details.length > 0 ? (
        <ul className="audit-trail__detail">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
