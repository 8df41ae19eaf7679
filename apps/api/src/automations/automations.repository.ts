import { Inject, Injectable } from '@nestjs/common';
import type { AutomationType, Lifecycle, RiskDomain } from '@roundhouse/contracts';
import { Database, type Transaction } from '../database/database.js';
import {
  automationColumns,
  DEFINITION_COLUMN_LIST,
  definitionParams,
  EDITABLE_COLUMN_LIST,
  editableParams,
  placeholders,
  type Automation,
  type AutomationDefinition,
} from './automation-row.js';
import { searchQuery } from '../database/search-query.js';

export interface AutomationQuery {
  search?: string;
  owner?: string;
  lifecycle?: Lifecycle;
  type?: AutomationType;
  tag?: string;
  system?: string;
  riskDomain?: RiskDomain;
  includeArchived: boolean;
}

/** Position in the listing order (lower(title), slug): stable, so pages never skip or repeat. */
export interface ListingPosition {
  title: string;
  slug: string;
}

/** The listing's filters over `automation a`, parameters $1–$8 (`filterParams`). */
const FILTERED = `
  FROM automation a
 WHERE ($1::boolean OR a.archived_at IS NULL)
   AND ($2::text IS NULL OR a.search @@ to_tsquery('simple', $2::text))
   AND ($3::text IS NULL OR a.owner_team = $3)
   AND ($4::text IS NULL OR a.lifecycle = $4)
   AND ($5::text IS NULL OR a.type = $5)
   AND ($6::text IS NULL OR $6 = ANY(a.tags))
   AND ($7::text IS NULL OR $7 = ANY(a.systems))
   AND ($8::text IS NULL OR $8 = ANY(a.risk_domains))`;

const filterParams = (query: AutomationQuery): unknown[] => [
  query.includeArchived,
  (query.search === undefined ? undefined : searchQuery(query.search)) ?? null,
  query.owner ?? null,
  query.lifecycle ?? null,
  query.type ?? null,
  query.tag ?? null,
  query.system ?? null,
  query.riskDomain ?? null,
];

const COLUMNS = automationColumns();

@Injectable()
export class AutomationsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async findPage(query: AutomationQuery, limit: number, after?: ListingPosition): Promise<{ rows: Automation[]; totalCount: number }> {
    const [count] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n ${FILTERED}`, filterParams(query));
    const rows = await this.db.query<Automation>(
      `SELECT ${automationColumns('a.')} ${FILTERED}
         AND ($9::text IS NULL OR lower(a.title) > $9 OR (lower(a.title) = $9 AND a.slug > $10))
       ORDER BY lower(a.title), a.slug
       LIMIT $11`,
      [...filterParams(query), after?.title ?? null, after?.slug ?? null, limit],
    );
    return { rows, totalCount: count?.n ?? 0 };
  }

  async ownersOf(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) {
      return new Map();
    }
    const rows = await this.db.query<{ slug: string; owner_team: string }>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [[...new Set(slugs)]]);
    return new Map(rows.map((row) => [row.slug, row.owner_team]));
  }

  /** Active automations whose runtime binding is of `kind`, with the binding. */
  withRuntime(kind: string): Promise<Pick<Automation, 'slug' | 'runtime'>[]> {
    return this.db.query(`SELECT slug, runtime FROM automation WHERE archived_at IS NULL AND runtime ->> 'kind' = $1 ORDER BY slug`, [kind]);
  }

  async findBySlug(slug: string): Promise<Automation | null> {
    const [row] = await this.db.query<Automation>(`SELECT ${COLUMNS} FROM automation WHERE slug = $1`, [slug]);
    return row ?? null;
  }

  /** Active automations in slug order; only `slugs` when given. */
  listForExport(slugs?: readonly string[]): Promise<Automation[]> {
    return slugs === undefined
      ? this.db.query(`SELECT ${COLUMNS} FROM automation WHERE archived_at IS NULL ORDER BY slug`)
      : this.db.query(`SELECT ${COLUMNS} FROM automation WHERE slug = ANY($1::text[]) ORDER BY slug`, [[...slugs]]);
  }

  async insertFromConsole(definition: AutomationDefinition): Promise<Automation> {
    const params = definitionParams(definition);
    const [row] = await this.db.query<Automation>(
      `INSERT INTO automation (${DEFINITION_COLUMN_LIST}, source, source_file, archived_at) VALUES (${placeholders(1, params.length)}, 'console', NULL, NULL) RETURNING ${COLUMNS}`,
      params,
    );
    return row as Automation;
  }

  async replaceDefinition(tx: Transaction, definition: AutomationDefinition): Promise<Automation> {
    const { slug, ...rest } = definition;
    const params = editableParams(rest);
    const [row] = await this.db.query<Automation>(
      `UPDATE automation SET (${EDITABLE_COLUMN_LIST}) = (${placeholders(2, params.length)}), updated_at = now() WHERE slug = $1 RETURNING ${COLUMNS}`,
      [slug, ...params],
      tx,
    );
    if (row === undefined) {
      throw new Error(`No automation "${slug}" to update.`);
    }
    return row;
  }

  /** Active automations other than `slug` whose runtime binding names this OpenTelemetry service name. */
  async namingService(serviceName: string, slug: string): Promise<string[]> {
    const rows = await this.db.query<{ slug: string }>(`SELECT slug FROM automation WHERE archived_at IS NULL AND slug <> $1 AND runtime ->> 'serviceName' = $2 ORDER BY slug`, [
      slug,
      serviceName,
    ]);
    return rows.map((row) => row.slug);
  }

  async archive(slug: string, at: Date): Promise<Automation> {
    const [row] = await this.db.query<Automation>(`UPDATE automation SET archived_at = $2, updated_at = now() WHERE slug = $1 RETURNING ${COLUMNS}`, [slug, at]);
    if (row === undefined) {
      throw new Error(`No automation "${slug}" to archive.`);
    }
    return row;
  }

  async facets(): Promise<{ tags: string[]; systems: string[] }> {
    const [row] = await this.db.query<{ tags: string[] | null; systems: string[] | null }>(`
      SELECT
        (SELECT array_agg(DISTINCT t ORDER BY t) FROM automation, unnest(tags) t WHERE archived_at IS NULL) AS tags,
        (SELECT array_agg(DISTINCT s ORDER BY s) FROM automation, unnest(systems) s WHERE archived_at IS NULL) AS systems`);
    return { tags: row?.tags ?? [], systems: row?.systems ?? [] };
  }
}
