import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import type { Located, Person, Team } from '@roundhouse/contracts';
import {
  automationColumns,
  DEFINITION_COLUMN_LIST,
  definitionParams,
  EDITABLE_COLUMN_LIST,
  EDITABLE_FIELDS,
  editableParams,
  placeholders,
  type Automation,
  type AutomationDefinition,
} from '../automations/index.js';
import { Database, type Transaction } from '../database/database.js';
import { TEAM_DEFINITION_COLUMN_LIST, TEAM_DEFINITION_FIELDS, teamColumns, teamDefinitionParams, type Team as TeamRow } from '../teams/index.js';
import type { AutomationShift } from '../automation-changes/index.js';
import type { AutomationMove } from '../tokens/index.js';
import type { CatalogSystem } from './catalog-org.js';

export interface ChangeCounts {
  created: number;
  updated: number;
  /** Archived before, and back in the files now (whether or not they changed meanwhile). */
  restored: number;
  unchanged: number;
  archived: number;
}

export interface ApplySummary {
  teams: ChangeCounts;
  people: ChangeCounts;
  systems: ChangeCounts;
  automations: ChangeCounts;
}

/** Everything an apply writes: the loaded catalog without its problems. */
export interface CatalogContents {
  teams: Located<Team>[];
  people: Located<Person>[];
  systems: Located<CatalogSystem>[];
  automations: Located<AutomationDefinition>[];
}

/** The names (teams) or slugs (automations) an apply created, updated, restored and archived. */
export interface ChangedNames {
  created: string[];
  updated: string[];
  restored: string[];
  archived: string[];
}

export interface CatalogChanges {
  teams: ChangedNames;
  people: ChangedNames;
  /** Systems and Domains, as `System:<name>` / `Domain:<name>`. */
  systems: ChangedNames;
  automations: ChangedNames;
  /** Automations (among those updated) whose owner team changed. */
  moved: AutomationMove[];
  /** Automations (among those updated) whose owner team or risk domains changed, with their file. */
  shifted: (AutomationShift & { file: string })[];
}

/** Writes what changed (the audit entry, and what follows from it) in the apply's transaction; called only when something did. */
export type RecordChanges = (tx: Transaction, changes: CatalogChanges) => Promise<void>;

const counted = (changes: ChangedNames, unchanged: number): ChangeCounts => ({
  created: changes.created.length,
  updated: changes.updated.length,
  restored: changes.restored.length,
  unchanged,
  archived: changes.archived.length,
});

const changedAnything = (changes: ChangedNames): boolean => changes.created.length + changes.updated.length + changes.restored.length + changes.archived.length > 0;

const noChanges = (): ChangedNames => ({ created: [], updated: [], restored: [], archived: [] });

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Partial<T>;
}

/** Writes a validated catalog in one transaction; one applier at a time across api replicas. */
@Injectable()
export class CatalogRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Slugs among `slugs` that were registered in the console (a file may not take them over). */
  async consoleSlugs(slugs: readonly string[]): Promise<string[]> {
    if (slugs.length === 0) {
      return [];
    }
    const rows = await this.db.query<{ slug: string }>(`SELECT slug FROM automation WHERE slug = ANY($1::text[]) AND source = 'console'`, [[...slugs]]);
    return rows.map((row) => row.slug);
  }

  /** Active console-registered automations whose runtime binding names one of these OpenTelemetry service names. */
  async consoleServiceNames(serviceNames: readonly string[]): Promise<{ slug: string; serviceName: string }[]> {
    if (serviceNames.length === 0) {
      return [];
    }
    return this.db.query<{ slug: string; serviceName: string }>(
      `SELECT slug, runtime->>'serviceName' AS "serviceName" FROM automation WHERE source = 'console' AND archived_at IS NULL AND runtime->>'serviceName' = ANY($1::text[]) ORDER BY slug`,
      [serviceNames],
    );
  }

  /** The active teams, people, Systems and Domains, for export: each as the entity it was read from. */
  async listForExport(): Promise<{
    teams: TeamRow[];
    people: { name: string; definition: Record<string, unknown> }[];
    systems: { kind: string; name: string; definition: Record<string, unknown> }[];
  }> {
    const teams = await this.db.query<TeamRow>(`SELECT ${teamColumns()} FROM team WHERE archived_at IS NULL ORDER BY name`);
    const people = await this.db.query<{ name: string; definition: Record<string, unknown> }>(`SELECT name, definition FROM person WHERE archived_at IS NULL ORDER BY name`);
    const systems = await this.db.query<{ kind: string; name: string; definition: Record<string, unknown> }>(
      `SELECT kind, name, definition FROM catalog_system WHERE archived_at IS NULL ORDER BY kind, name`,
    );
    return { teams, people, systems };
  }

  apply(contents: CatalogContents, record: RecordChanges): Promise<ApplySummary> {
    return this.db.transaction(async (tx) => {
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('roundhouse:catalog-apply'))`, [], tx);
      const applied = {
        teams: await this.applyTeams(tx, contents.teams),
        people: await this.applyPeople(tx, contents.people),
        systems: await this.applySystems(tx, contents.systems),
        automations: await this.applyAutomations(tx, contents.automations),
      };
      const changes = {
        teams: applied.teams.changes,
        people: applied.people.changes,
        systems: applied.systems.changes,
        automations: applied.automations.changes,
        moved: applied.automations.moved,
        shifted: applied.automations.shifted,
      };
      if ([changes.teams, changes.people, changes.systems, changes.automations].some(changedAnything)) {
        await record(tx, changes);
      }
      return {
        teams: counted(changes.teams, applied.teams.unchanged),
        people: counted(changes.people, applied.people.unchanged),
        systems: counted(changes.systems, applied.systems.unchanged),
        automations: counted(changes.automations, applied.automations.unchanged),
      };
    });
  }

  /** People from Backstage Users: inserted, updated when something differs, archived when they leave the files. */
  private async applyPeople(tx: Transaction, people: Located<Person>[]): Promise<{ changes: ChangedNames; unchanged: number }> {
    const changes = noChanges();
    let unchanged = 0;
    const archived = await this.archivedNames(tx, 'person', 'name');
    for (const { file, value } of people) {
      const [row] = await this.db.query<{ created: boolean }>(
        `INSERT INTO person AS p (name, display_name, email, teams, definition, source, source_file)
         VALUES ($1, $2, $3, $4, $5::json, 'file', $6)
         ON CONFLICT (name) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, teams = EXCLUDED.teams,
           definition = EXCLUDED.definition, source = 'file', source_file = EXCLUDED.source_file, archived_at = NULL, updated_at = now()
         WHERE (p.display_name, p.email, p.teams, p.definition::text, p.source, p.source_file, p.archived_at)
               IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.email, EXCLUDED.teams, EXCLUDED.definition::text, 'file', EXCLUDED.source_file, NULL::timestamptz)
         RETURNING (xmax = 0) AS created`,
        [value.name, value.displayName, value.email, value.teams, JSON.stringify(value.definition), file],
        tx,
      );
      if (row === undefined) {
        unchanged += 1;
      } else {
        (row.created ? changes.created : archived.has(value.name) ? changes.restored : changes.updated).push(value.name);
      }
    }
    changes.archived = await this.archiveMissing(
      tx,
      'person',
      'name',
      people.map((p) => p.value.name),
    );
    return { changes, unchanged };
  }

  /** Backstage Systems and Domains, kept as written. */
  private async applySystems(tx: Transaction, systems: Located<CatalogSystem>[]): Promise<{ changes: ChangedNames; unchanged: number }> {
    const changes = noChanges();
    let unchanged = 0;
    const archived = await this.archivedNames(tx, 'catalog_system', `kind || ':' || name`);
    for (const { file, value } of systems) {
      const [row] = await this.db.query<{ created: boolean }>(
        `INSERT INTO catalog_system AS s (kind, name, title, description, definition, source, source_file)
         VALUES ($1, $2, $3, $4, $5::json, 'file', $6)
         ON CONFLICT (kind, name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, definition = EXCLUDED.definition,
           source = 'file', source_file = EXCLUDED.source_file, archived_at = NULL, updated_at = now()
         WHERE (s.title, s.description, s.definition::text, s.source, s.source_file, s.archived_at)
               IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.definition::text, 'file', EXCLUDED.source_file, NULL::timestamptz)
         RETURNING (xmax = 0) AS created`,
        [value.kind, value.name, value.title, value.description, JSON.stringify(value.definition), file],
        tx,
      );
      const label = `${value.kind}:${value.name}`;
      if (row === undefined) {
        unchanged += 1;
      } else {
        (row.created ? changes.created : archived.has(label) ? changes.restored : changes.updated).push(label);
      }
    }
    changes.archived = await this.archiveMissing(
      tx,
      'catalog_system',
      `kind || ':' || name`,
      systems.map((s) => `${s.value.kind}:${s.value.name}`),
    );
    return { changes, unchanged };
  }

  private async applyTeams(tx: Transaction, teams: Located<Team>[]): Promise<{ changes: ChangedNames; unchanged: number }> {
    const changes = noChanges();
    let unchanged = 0;
    const existing = new Map((await this.db.query<TeamRow>(`SELECT ${teamColumns()} FROM team`, [], tx)).map((row) => [row.name, row]));
    for (const { file, value } of teams) {
      const row = existing.get(value.name);
      const wanted = { ...pick(value, TEAM_DEFINITION_FIELDS), source: 'file' as const, sourceFile: file, archivedAt: null };
      const params = teamDefinitionParams(value);
      if (row === undefined) {
        await this.db.query(
          `INSERT INTO team (name, ${TEAM_DEFINITION_COLUMN_LIST}, source, source_file, archived_at) VALUES ($1, ${placeholders(3, params.length)}, 'file', $2, NULL)`,
          [value.name, file, ...params],
          tx,
        );
        changes.created.push(value.name);
      } else if (isDeepStrictEqual({ ...pick(row, TEAM_DEFINITION_FIELDS), source: row.source, sourceFile: row.sourceFile, archivedAt: row.archivedAt }, wanted)) {
        unchanged += 1;
      } else {
        await this.db.query(
          `UPDATE team SET (${TEAM_DEFINITION_COLUMN_LIST}) = (${placeholders(3, params.length)}), source = 'file', source_file = $2, archived_at = NULL, updated_at = now() WHERE name = $1`,
          [value.name, file, ...params],
          tx,
        );
        (row.archivedAt === null ? changes.updated : changes.restored).push(value.name);
      }
    }
    changes.archived = await this.archiveMissing(
      tx,
      'team',
      'name',
      teams.map((t) => t.value.name),
    );
    return { changes, unchanged };
  }

  private async applyAutomations(
    tx: Transaction,
    automations: Located<AutomationDefinition>[],
  ): Promise<{ changes: ChangedNames; moved: AutomationMove[]; shifted: CatalogChanges['shifted']; unchanged: number }> {
    const changes = noChanges();
    const moved: AutomationMove[] = [];
    const shifted: CatalogChanges['shifted'] = [];
    let unchanged = 0;
    const existing = new Map((await this.db.query<Automation>(`SELECT ${automationColumns()} FROM automation WHERE source = 'file'`, [], tx)).map((row) => [row.slug, row]));
    for (const { file, value } of automations) {
      const row = existing.get(value.slug);
      const wanted = { ...pick(value, EDITABLE_FIELDS), source: 'file' as const, sourceFile: file, archivedAt: null };
      if (row === undefined) {
        const params = definitionParams(value);
        await this.db.query(
          `INSERT INTO automation (${DEFINITION_COLUMN_LIST}, source, source_file, archived_at) VALUES (${placeholders(2, params.length)}, 'file', $1, NULL)`,
          [file, ...params],
          tx,
        );
        changes.created.push(value.slug);
      } else if (isDeepStrictEqual({ ...pick(row, EDITABLE_FIELDS), source: row.source, sourceFile: row.sourceFile, archivedAt: row.archivedAt }, wanted)) {
        unchanged += 1;
      } else {
        const params = editableParams(value);
        await this.db.query(
          `UPDATE automation SET (${EDITABLE_COLUMN_LIST}) = (${placeholders(3, params.length)}), source = 'file', source_file = $2, archived_at = NULL, updated_at = now() WHERE slug = $1`,
          [value.slug, file, ...params],
          tx,
        );
        (row.archivedAt === null ? changes.updated : changes.restored).push(value.slug);
        if (row.ownerTeam !== value.ownerTeam) {
          moved.push({ slug: value.slug, from: row.ownerTeam, to: value.ownerTeam });
        }
        if (row.ownerTeam !== value.ownerTeam || !isDeepStrictEqual([...row.riskDomains].sort(), [...value.riskDomains].sort())) {
          shifted.push({
            slug: value.slug,
            file,
            before: { ownerTeam: row.ownerTeam, riskDomains: row.riskDomains },
            after: { ownerTeam: value.ownerTeam, riskDomains: value.riskDomains },
          });
        }
      }
    }
    changes.archived = await this.archiveMissing(
      tx,
      'automation',
      'slug',
      automations.map((a) => a.value.slug),
    );
    return { changes, moved, shifted, unchanged };
  }

  /** File-managed rows archived now: an apply that brings one back restores it. */
  private async archivedNames(tx: Transaction, table: 'person' | 'catalog_system', key: 'name' | `kind || ':' || name`): Promise<Set<string>> {
    const rows = await this.db.query<{ name: string }>(`SELECT ${key} AS name FROM ${table} WHERE source = 'file' AND archived_at IS NOT NULL`, [], tx);
    return new Set(rows.map((row) => row.name));
  }

  /** File-managed rows whose entity left the files are archived, never deleted. */
  private async archiveMissing(
    tx: Transaction,
    table: 'team' | 'automation' | 'person' | 'catalog_system',
    key: 'name' | 'slug' | `kind || ':' || name`,
    present: string[],
  ): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(
      `WITH archived AS (
         UPDATE ${table} SET archived_at = now(), updated_at = now()
          WHERE source = 'file' AND archived_at IS NULL AND NOT (${key} = ANY($1::text[]))
          RETURNING ${key} AS name)
       SELECT name FROM archived ORDER BY name`,
      [present],
      tx,
    );
    return rows.map((row) => row.name);
  }
}
