import { stringify, type Options } from 'csv-stringify/sync';
import type { AuditRow } from './audit-entry.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_HEADER = ['at', 'actor', 'actor kind', 'action', 'target kind', 'target id', 'automations', 'teams', 'reason', 'before', 'after', 'detail'] as const;

/**
 * RFC 4180 with CRLF line ends; a cell a spreadsheet would run as a formula (=, +, -, @, tab or
 * carriage return first) is defused with a leading apostrophe; cells holding a separator, quote or
 * line break are quoted (csv-stringify).
 */
const CSV_OPTIONS: Options = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true };

const jsonText = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

/** One CSV line of text cells, CRLF at its end. */
export function csvLine(cells: readonly string[]): string {
  return stringify([cells], CSV_OPTIONS);
}

/** The row as a CSV line in CSV_HEADER's order. */
export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.at.toISOString(),
    row.actor_name,
    row.actor_kind,
    row.action,
    row.target_kind,
    row.target_id,
    row.automations.join(' '),
    row.teams.join(' '),
    row.reason ?? '',
    jsonText(row.before),
    jsonText(row.after),
    jsonText(row.detail),
  ]);
}

/** The row as one line of newline-delimited JSON. */
export function auditJsonLine(row: AuditRow): string {
  return `${JSON.stringify({
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name, kind: row.actor_kind },
    action: row.action,
    target: { kind: row.target_kind, id: row.target_id },
    automations: row.automations,
    teams: row.teams,
    reason: row.reason,
    before: row.before,
    after: row.after,
    detail: row.detail,
  })}\n`;
}

/** `roundhouse-audit-2026-11-27.csv` */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `roundhouse-audit-${now.toISOString().slice(0, 10)}.${format}`;
}
