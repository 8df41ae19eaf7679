import { useMemo } from 'react';
import { Table } from '@/shared/ui/Table';
import styles from './DeadLetterPage.module.css';

type HeaderRows = { kind: 'rows'; rows: [string, string][] } | { kind: 'raw'; text: string };

/** Headers arrive as JSON text; an object becomes rows, anything else is shown as received. */
export function headerRows(headers: string): HeaderRows {
  try {
    const parsed: unknown = JSON.parse(headers);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return {
        kind: 'rows',
        rows: Object.entries(parsed).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
      };
    }
  } catch {
    // Not JSON: shown as received below.
  }
  return { kind: 'raw', text: headers };
}

export function DeadLetterHeaders({ headers }: { headers: string }) {
  const parsed = useMemo(() => headerRows(headers), [headers]);
  if (parsed.kind === 'raw') {
    return (
      <pre className="code-block" tabIndex={0} aria-label="Headers as received">
        <code>{parsed.text}</code>
      </pre>
    );
  }
  if (parsed.rows.length === 0) {
    return <p className="muted">The message carried no headers.</p>;
  }
  return (
    <Table>
      <caption className="visually-hidden">Message headers</caption>
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {parsed.rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row" className="mono">
              {key}
            </th>
            <td className={`mono ${styles.headerValue}`}>{value}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
