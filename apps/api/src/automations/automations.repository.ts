import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AutomationType, Lifecycle, RiskDomain } from '@roundhouse/contracts';
import { Brackets, DataSource, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { searchQuery } from '../database/search-query.js';
import type { AutomationDefinition } from './automation-definition.js';
import { AutomationEntity } from './automation.entity.js';

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

@Injectable()
export class AutomationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get automations() {
    return this.dataSource.getRepository(AutomationEntity);
  }

  private filtered(query: AutomationQuery): SelectQueryBuilder<AutomationEntity> {
    const builder = this.automations.createQueryBuilder('a');
    if (!query.includeArchived) {
      builder.andWhere('a.archived_at IS NULL');
    }
    const tsquery = query.search === undefined ? undefined : searchQuery(query.search);
    if (tsquery !== undefined) {
      builder.andWhere(`a.search @@ to_tsquery('simple', :tsquery)`, { tsquery });
    }
    if (query.owner !== undefined) {
      builder.andWhere('a.owner_team = :owner', { owner: query.owner });
    }
    if (query.lifecycle !== undefined) {
      builder.andWhere('a.lifecycle = :lifecycle', { lifecycle: query.lifecycle });
    }
    if (query.type !== undefined) {
      builder.andWhere('a.type = :type', { type: query.type });
    }
    if (query.tag !== undefined) {
      builder.andWhere(':tag = ANY(a.tags)', { tag: query.tag });
    }
    if (query.system !== undefined) {
      builder.andWhere(':system = ANY(a.systems)', { system: query.system });
    }
    if (query.riskDomain !== undefined) {
      builder.andWhere(':riskDomain = ANY(a.risk_domains)', { riskDomain: query.riskDomain });
    }
    return builder;
  }

  async findPage(query: AutomationQuery, limit: number, after?: ListingPosition): Promise<{ rows: AutomationEntity[]; totalCount: number }> {
    const totalCount = await this.filtered(query).getCount();
    const page = this.filtered(query);
    if (after !== undefined) {
      page.andWhere(
        new Brackets((where) => {
          where
            .where('lower(a.title) > :afterTitle', { afterTitle: after.title })
            .orWhere('(lower(a.title) = :afterTitle AND a.slug > :afterSlug)', { afterSlug: after.slug });
        }),
      );
    }
    const rows = await page.orderBy('lower(a.title)').addOrderBy('a.slug').limit(limit).getMany();
    return { rows, totalCount };
  }

  async ownersOf(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.query<{ slug: string; owner_team: string }[]>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [[...new Set(slugs)]]);
    return new Map(rows.map((row) => [row.slug, row.owner_team]));
  }

  /** Active automations whose runtime binding is of `kind`, with the binding. */
  withRuntime(kind: string): Promise<Pick<AutomationEntity, 'slug' | 'runtime'>[]> {
    return this.automations
      .createQueryBuilder('a')
      .select(['a.slug', 'a.runtime'])
      .where('a.archived_at IS NULL')
      .andWhere(`a.runtime ->> 'kind' = :kind`, { kind })
      .orderBy('a.slug')
      .getMany();
  }

  findBySlug(slug: string): Promise<AutomationEntity | null> {
    return this.automations.findOneBy({ slug });
  }

  /** Active automations in slug order; only `slugs` when given. */
  listForExport(slugs?: readonly string[]): Promise<AutomationEntity[]> {
    return this.automations.find({
      where: slugs === undefined ? { archivedAt: IsNull() } : { slug: In([...slugs]) },
      order: { slug: 'ASC' },
    });
  }

  async insertFromConsole(definition: AutomationDefinition): Promise<AutomationEntity> {
    await this.automations.insert({ ...definition, source: 'console', sourceFile: null, archivedAt: null });
    return this.automations.findOneByOrFail({ slug: definition.slug });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async replaceDefinition(manager: EntityManager, definition: AutomationDefinition): Promise<AutomationEntity> {
    const { slug, ...rest } = definition;
    const automations = manager.getRepository(AutomationEntity);
    await automations.update({ slug }, rest);
    return automations.findOneByOrFail({ slug });
  }

  /** Active automations other than `slug` whose runtime binding names this OpenTelemetry service name. */
  async namingService(serviceName: string, slug: string): Promise<string[]> {
    const rows = await this.automations
      .createQueryBuilder('a')
      .select(['a.slug'])
      .where('a.archived_at IS NULL')
      .andWhere('a.slug <> :slug', { slug })
      .andWhere(`a.runtime ->> 'serviceName' = :serviceName`, { serviceName })
      .orderBy('a.slug')
      .getMany();
    return rows.map((row) => row.slug);
  }

  async archive(slug: string, at: Date): Promise<AutomationEntity> {
    await this.automations.update({ slug }, { archivedAt: at });
    return this.automations.findOneByOrFail({ slug });
  }

  async facets(): Promise<{ tags: string[]; systems: string[] }> {
    const [row] = await this.dataSource.query<{ tags: string[] | null; systems: string[] | null }[]>(`
      SELECT
        (SELECT array_agg(DISTINCT t ORDER BY t) FROM automation, unnest(tags) t WHERE archived_at IS NULL) AS tags,
        (SELECT array_agg(DISTINCT s ORDER BY s) FROM automation, unnest(systems) s WHERE archived_at IS NULL) AS systems`);
    return { tags: row?.tags ?? [], systems: row?.systems ?? [] };
  }
}
