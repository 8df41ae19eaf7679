import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Located, Team } from '@roundhouse/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AutomationDefinition } from '../automations/automation-definition.js';
import { AutomationEntity } from '../automations/automation.entity.js';
import { TeamEntity } from '../teams/team.entity.js';

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export interface ApplySummary {
  teams: ChangeCounts;
  automations: ChangeCounts;
}

const emptyCounts = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0, archived: 0 });

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Partial<T>;
}

const TEAM_FIELDS = ['title', 'description', 'email', 'slack', 'onCall', 'members'] as const;
const AUTOMATION_FIELDS = [
  'title', 'description', 'type', 'lifecycle', 'ownerTeam', 'onCall', 'systems', 'riskDomains', 'tags',
  'links', 'runtime', 'payloadPolicy', 'slos', 'kpis', 'runbooks', 'releases',
] as const;

/** Writes a validated catalog in one transaction; one applier at a time across api replicas. */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Slugs among `slugs` that were registered in the console (a file may not take them over). */
  async consoleSlugs(slugs: readonly string[]): Promise<string[]> {
    if (slugs.length === 0) {
      return [];
    }
    const rows = await this.dataSource.getRepository(AutomationEntity).find({ select: { slug: true }, where: { slug: In([...slugs]), source: 'console' } });
    return rows.map((row) => row.slug);
  }

  apply(teams: Located<Team>[], automations: Located<AutomationDefinition>[]): Promise<ApplySummary> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('roundhouse:catalog-apply'))`);
      return {
        teams: await this.applyTeams(manager, teams),
        automations: await this.applyAutomations(manager, automations),
      };
    });
  }

  private async applyTeams(manager: EntityManager, teams: Located<Team>[]): Promise<ChangeCounts> {
    const repository = manager.getRepository(TeamEntity);
    const counts = emptyCounts();
    const existing = new Map((await repository.find()).map((row) => [row.name, row]));
    for (const { file, value } of teams) {
      const row = existing.get(value.name);
      const wanted = { ...pick(value, TEAM_FIELDS), source: 'file' as const, sourceFile: file, archivedAt: null };
      if (row === undefined) {
        await repository.insert({ name: value.name, ...wanted });
        counts.created += 1;
      } else if (isDeepStrictEqual({ ...pick(row, TEAM_FIELDS), source: row.source, sourceFile: row.sourceFile, archivedAt: row.archivedAt }, wanted)) {
        counts.unchanged += 1;
      } else {
        await repository.update({ name: value.name }, wanted);
        counts.updated += 1;
      }
    }
    counts.archived = await this.archiveMissing(manager, 'team', 'name', teams.map((t) => t.value.name));
    return counts;
  }

  private async applyAutomations(manager: EntityManager, automations: Located<AutomationDefinition>[]): Promise<ChangeCounts> {
    const repository = manager.getRepository(AutomationEntity);
    const counts = emptyCounts();
    const existing = new Map((await repository.find({ where: { source: 'file' } })).map((row) => [row.slug, row]));
    for (const { file, value } of automations) {
      const row = existing.get(value.slug);
      const wanted = { ...pick(value, AUTOMATION_FIELDS), source: 'file' as const, sourceFile: file, archivedAt: null };
      if (row === undefined) {
        await repository.insert({ slug: value.slug, ...wanted });
        counts.created += 1;
      } else if (isDeepStrictEqual({ ...pick(row, AUTOMATION_FIELDS), source: row.source, sourceFile: row.sourceFile, archivedAt: row.archivedAt }, wanted)) {
        counts.unchanged += 1;
      } else {
        await repository.update({ slug: value.slug }, wanted);
        counts.updated += 1;
      }
    }
    counts.archived = await this.archiveMissing(manager, 'automation', 'slug', automations.map((a) => a.value.slug));
    return counts;
  }

  /** File-managed rows whose entity left the files are archived, never deleted. */
  private async archiveMissing(manager: EntityManager, table: 'team' | 'automation', key: 'name' | 'slug', present: string[]): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `WITH archived AS (
         UPDATE ${table} SET archived_at = now(), updated_at = now()
          WHERE source = 'file' AND archived_at IS NULL AND NOT (${key} = ANY($1::text[]))
          RETURNING 1)
       SELECT count(*)::int AS count FROM archived`,
      [present],
    );
    return row?.count ?? 0;
  }
}
