import type { AutomationType, Kpi, Lifecycle, Link, OnCall, PayloadPolicy, Release, RiskDomain, RuntimeBinding, Slo } from '@roundhouse/contracts';
import { catalogRecordColumns, type CatalogRecord } from '../common/catalog-record.js';

/**
 * The one place that says how an automation is stored: its fields, their columns, and the mapping
 * both ways. Adding a field: here, a migration, the contract (automation.v1.ts) and the GraphQL type.
 */

/** A runbook as stored: the Markdown itself, and the file it came from for file-managed automations. */
export interface StoredRunbook {
  id: string;
  title: string;
  markdown: string;
  path?: string;
}

/** Everything an owner defines about an automation: the editable part of the row. */
export interface AutomationDefinition {
  slug: string;
  title: string;
  description: string;
  type: AutomationType;
  lifecycle: Lifecycle;
  ownerTeam: string;
  onCall: OnCall;
  /** The Backstage System (its key) the automation belongs to. */
  system: string | null;
  systems: string[];
  riskDomains: RiskDomain[];
  tags: string[];
  links: Link[];
  /** Backstage `metadata.annotations`, as written. */
  annotations: Record<string, string>;
  /** Backstage `metadata.labels`, as written. */
  labels: Record<string, string>;
  runtime: RuntimeBinding | null;
  payloadPolicy: PayloadPolicy | null;
  slos: Slo[];
  kpis: Kpi[];
  runbooks: StoredRunbook[];
  releases: Release[];
}

/** An automation row: its definition, and where and when it was defined. */
export interface Automation extends AutomationDefinition, CatalogRecord {}

/** Each field of the definition, its column, and whether the column holds JSON (`jsonb`) rather than a plain value or a `text[]`. */
const DEFINITION_COLUMNS = {
  slug: { column: 'slug', json: false },
  title: { column: 'title', json: false },
  description: { column: 'description', json: false },
  type: { column: 'type', json: false },
  lifecycle: { column: 'lifecycle', json: false },
  ownerTeam: { column: 'owner_team', json: false },
  onCall: { column: 'on_call', json: true },
  system: { column: 'system', json: false },
  systems: { column: 'systems', json: false },
  riskDomains: { column: 'risk_domains', json: false },
  tags: { column: 'tags', json: false },
  links: { column: 'links', json: true },
  annotations: { column: 'annotations', json: true },
  labels: { column: 'labels', json: true },
  runtime: { column: 'runtime', json: true },
  payloadPolicy: { column: 'payload_policy', json: true },
  slos: { column: 'slos', json: true },
  kpis: { column: 'kpis', json: true },
  runbooks: { column: 'runbooks', json: true },
  releases: { column: 'releases', json: true },
} as const satisfies { [F in keyof AutomationDefinition]-?: { column: string; json: boolean } };

type DefinitionField = keyof typeof DEFINITION_COLUMNS;

/** The definition's fields, in column order. */
export const DEFINITION_FIELDS = Object.keys(DEFINITION_COLUMNS) as DefinitionField[];

/** The fields an apply or an edit may change (all but the slug, which names the row). */
export const EDITABLE_FIELDS = DEFINITION_FIELDS.filter((field): field is Exclude<DefinitionField, 'slug'> => field !== 'slug');

/** The definition's columns in field order, for an INSERT's column list. */
export const DEFINITION_COLUMN_LIST = DEFINITION_FIELDS.map((field) => DEFINITION_COLUMNS[field].column).join(', ');

/** The editable columns in field order, for `UPDATE automation SET (…) = (…)`. */
export const EDITABLE_COLUMN_LIST = EDITABLE_FIELDS.map((field) => DEFINITION_COLUMNS[field].column).join(', ');

/**
 * Every column of a row, selected under its field's name, so that a selected row is the `Automation`
 * it stores (`prefix`: a table alias with its dot, e.g. `a.`).
 */
export const automationColumns = (prefix = '') =>
  [...DEFINITION_FIELDS.map((field) => `${prefix}${DEFINITION_COLUMNS[field].column} AS "${field}"`), catalogRecordColumns(prefix)].join(', ');

/** A field's value as a statement parameter: JSON columns get their JSON text (SQL NULL for null), the rest as they are. */
function parameter(field: DefinitionField, value: unknown): unknown {
  return DEFINITION_COLUMNS[field].json && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
}

/** The definition's values in field order, as parameters for `DEFINITION_COLUMN_LIST`. */
export const definitionParams = (definition: AutomationDefinition): unknown[] => DEFINITION_FIELDS.map((field) => parameter(field, definition[field]));

/** The editable values in field order, as parameters for `EDITABLE_COLUMN_LIST`. */
export const editableParams = (definition: Omit<AutomationDefinition, 'slug'>): unknown[] => EDITABLE_FIELDS.map((field) => parameter(field, definition[field]));

/** `$from, $from+1, …` for `count` parameters. */
export const placeholders = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

/** The definition part of a stored automation (what a change is based on). */
export function definitionOf(automation: AutomationDefinition): AutomationDefinition {
  return Object.fromEntries(DEFINITION_FIELDS.map((field) => [field, automation[field]])) as unknown as AutomationDefinition;
}
