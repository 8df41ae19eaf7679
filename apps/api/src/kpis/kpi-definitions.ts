import { Inject, Injectable } from '@nestjs/common';
import { ChangeFeed, NotifiedCache } from '../database/change-feed.js';
import { KpisRepository, type AutomationKpis } from './kpis.repository.js';

/** What PostgreSQL notifies, with the automation's slug, when an automation changes (migration NotifySessionAndCatalogChanges). */
export const AUTOMATION_CHANGED_CHANNEL = 'roundhouse_automation_changed';

/** Automations whose definitions a process remembers at most; past that it starts over. */
const MOST_REMEMBERED = 10_000;

/**
 * Automations' KPI and SLO definitions by slug (those in the catalog, not archived), read on every
 * dashboard request: answered from what this process read before, forgotten the moment any replica
 * changes the automation (the database notifies every replica when the change commits), so a
 * dashboard request sends the database its figures' statement only.
 */
@Injectable()
export class KpiDefinitions {
  private readonly definitions: NotifiedCache<AutomationKpis>;

  constructor(
    @Inject(ChangeFeed) feed: ChangeFeed,
    @Inject(KpisRepository) private readonly kpis: KpisRepository,
  ) {
    this.definitions = new NotifiedCache(feed, AUTOMATION_CHANGED_CHANNEL, MOST_REMEMBERED);
  }

  of(slugs: readonly string[]): Promise<Map<string, AutomationKpis>> {
    return this.definitions.getMany(slugs, async (missing) => new Map((await this.kpis.automations(missing)).map((row) => [row.slug, row])));
  }
}
