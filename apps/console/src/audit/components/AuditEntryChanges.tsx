import { Table } from '@/shared/ui/Table';
import type { AuditEntryRow } from './AuditTable';
import { fieldChanges } from '../auditWords';

/** What an entry changed, field by field (before → after). */
export function AuditEntryChanges({ entry }: { entry: AuditEntryRow }) {
  const changes = fieldChanges(entry.before, entry.after);
  if (changes.length === 0) {
    return <p className="muted">No fields changed.</p>;
  }
  return (
    <Table unboxed>
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
    </Table>
  );
}
