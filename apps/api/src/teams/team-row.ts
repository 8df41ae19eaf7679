import type { OnCall } from '@roundhouse/contracts';
import { catalogRecordColumns, type CatalogRecord } from '../common/catalog-record.js';

/** What a team file defines: every column of the row but the name and the catalog record's. */
export interface TeamDefinition {
  title: string;
  description: string | null;
  email: string | null;
  slack: string | null;
  onCall: OnCall | null;
  members: string[];
  /** The parent team's name (the Backstage Group tree). */
  parent: string | null;
  /** The entity as written in its file (key order kept: `json`, not `jsonb`); what an export writes back. */
  definition: object | null;
}

/** A team row. */
export interface Team extends TeamDefinition, CatalogRecord {
  name: string;
}

/** The fields of a team's definition, in the order of `TEAM_DEFINITION_COLUMN_LIST`. */
export const TEAM_DEFINITION_FIELDS = ['title', 'description', 'email', 'slack', 'onCall', 'members', 'parent', 'definition'] as const satisfies readonly (keyof TeamDefinition)[];

/** The definition's columns, for `INSERT INTO team (name, …)` and `UPDATE team SET (…) = (…)`. */
export const TEAM_DEFINITION_COLUMN_LIST = 'title, description, email, slack, on_call, members, parent, definition';

/** Every column of a row, selected under its field's name, so that a selected row is the `Team` it stores (`prefix`: a table alias with its dot). */
export const teamColumns = (prefix = '') =>
  `${prefix}name, ${prefix}title, ${prefix}description, ${prefix}email, ${prefix}slack, ${prefix}on_call AS "onCall", ${prefix}members, ${prefix}parent, ${prefix}definition, ${catalogRecordColumns(prefix)}`;

/** The definition's values as parameters for `TEAM_DEFINITION_COLUMN_LIST` (the JSON columns as JSON text). */
export function teamDefinitionParams(team: TeamDefinition): unknown[] {
  const json = (value: object | null) => (value === null || value === undefined ? null : JSON.stringify(value));
  return [team.title, team.description ?? null, team.email ?? null, team.slack ?? null, json(team.onCall), team.members, team.parent ?? null, json(team.definition)];
}
