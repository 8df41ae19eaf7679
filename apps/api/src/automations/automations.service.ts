import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { AutomationChangeGate, WaitingApprovals } from '../automation-changes/index.js';
import { AuditService } from '../audit/index.js';
import type { User } from '../auth/index.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination.js';
import { InputError, NotAllowedError, type FieldError } from '../errors/domain-errors.js';
import { clashFound, SERVICE_NAME_ALLOWED } from '../otlp/index.js';
import { RuntimeBindingCheck } from '../runtimes/index.js';
import { TeamsService } from '../teams/index.js';
import { TokenCoverage } from '../tokens/index.js';
import { changeVerdict, mayOwn } from './automation-access.js';
import { auditedDefinition, automationChange } from './automation-audit.js';
import { definitionFromInput, definitionToYaml, type AutomationDefinition } from './automation-definition.js';
import { definitionOf, type Automation } from './automation-row.js';
import { toAutomationType } from './automation.mapper.js';
import { AutomationNotFoundError, FileManagedError, SlugTakenError } from './automations.errors.js';
import { AutomationsRepository, type AutomationQuery, type ListingPosition } from './automations.repository.js';
import type { AutomationInput } from './dto/automation.input.js';
import type { AutomationConnectionType, AutomationFacetsType, AutomationObjectType } from './dto/automation.type.js';
import { Database } from '../database/database.js';

export const MAX_PAGE_SIZE = 100;

@Injectable()
export class AutomationsService {
  constructor(
    @Inject(AutomationsRepository) private readonly automations: AutomationsRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(TeamsService) private readonly teams: TeamsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AutomationChangeGate) private readonly changeGate: AutomationChangeGate,
    @Inject(WaitingApprovals) private readonly waiting: WaitingApprovals,
    @Inject(TokenCoverage) private readonly tokenCoverage: TokenCoverage,
    @Inject(RuntimeBindingCheck) private readonly bindings: RuntimeBindingCheck,
  ) {}

  async search(query: AutomationQuery, first: number, after: string | undefined, user: User | undefined): Promise<AutomationConnectionType> {
    checkPageSize(first, MAX_PAGE_SIZE);
    const position =
      after === undefined
        ? undefined
        : decodeCursor(after, ([title, slug]): ListingPosition | undefined => (typeof title === 'string' && typeof slug === 'string' ? { title, slug } : undefined));
    const { rows, totalCount } = await this.automations.findPage(query, first + 1, position);
    const page = rows.slice(0, first);
    const nodes = await this.present(page, user);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor([node.title.toLowerCase(), node.slug]) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async get(slug: string, user: User | undefined): Promise<AutomationObjectType> {
    const [node] = await this.present([await this.find(slug)], user);
    return node as AutomationObjectType;
  }

  /** Every automation that is not archived, or those of `slugs` (archived or not), by slug: what the catalog exports as files. */
  listForExport(slugs?: readonly string[]): Promise<Automation[]> {
    return this.automations.listForExport(slugs);
  }

  facets(): Promise<AutomationFacetsType> {
    return this.automations.facets();
  }

  async register(input: AutomationInput, user: User): Promise<AutomationObjectType> {
    const definition = definitionFromInput(input);
    await this.checkBinding(definition);
    await this.checkOwner(definition, user);
    const existing = await this.automations.findBySlug(definition.slug);
    if (existing !== null) {
      throw new SlugTakenError(definition.slug, existing.archivedAt !== null);
    }
    const created = await this.automations.insertFromConsole(definition).catch((error: unknown) => {
      // Two registrations of one slug at once: the primary key decides.
      if ((error as { code?: string }).code === '23505') {
        throw new SlugTakenError(definition.slug, false);
      }
      throw error;
    });
    await this.audit.record(automationChange(user, 'automation.registered', created.slug, [created.ownerTeam], { after: auditedDefinition(created) }));
    return this.get(created.slug, user);
  }

  /** `approvedChange`: the change an owner approved, applied now (see approvals/). */
  async update(slug: string, input: AutomationInput, user: User, options: { approvedChange?: string } = {}): Promise<AutomationObjectType> {
    const existing = await this.mayChange(slug, user, 'automation:update');
    const definition = definitionFromInput(input);
    if (definition.slug !== existing.slug) {
      throw new InputError('The slug cannot change: it is the automation’s id in URLs and runtimes.', [
        { path: 'slug', message: `must stay "${existing.slug}"`, found: JSON.stringify(definition.slug), allowed: JSON.stringify(existing.slug) },
      ]);
    }
    await this.checkBinding(definition);
    // An approved change was checked against its requester's teams when asked for; the approver owns the automation's team.
    await this.checkOwner(definition, user, options.approvedChange === undefined);
    // Changes separation of duties gives to the owner team wait for it (the answer's pendingChange): see changesNeedingApproval.
    if (options.approvedChange === undefined && (await this.changeGate.hold(definitionOf(existing), definition, input, user))) {
      return this.get(slug, user);
    }
    await this.database.transaction(async (tx) => {
      const replaced = await this.automations.replaceDefinition(tx, definition);
      await this.audit.record(
        automationChange(user, 'automation.updated', slug, [existing.ownerTeam, replaced.ownerTeam], {
          before: auditedDefinition(existing),
          after: auditedDefinition(replaced),
          ...(options.approvedChange === undefined ? {} : { detail: { approvedChange: options.approvedChange } }),
        }),
        tx,
      );
      if (replaced.ownerTeam !== existing.ownerTeam) {
        await this.tokenCoverage.automationsMoved(tx, [{ slug, from: existing.ownerTeam, to: replaced.ownerTeam }], user);
      }
      await this.waiting.automationsChanged(tx, [{ slug, before: existing, after: replaced }], user, options.approvedChange);
    });
    return this.get(slug, user);
  }

  async archive(slug: string, user: User): Promise<AutomationObjectType> {
    const existing = await this.mayChange(slug, user, 'automation:archive');
    const archived = await this.automations.archive(slug, new Date());
    await this.audit.record(
      automationChange(user, 'automation.archived', slug, [existing.ownerTeam], { before: { archivedAt: null }, after: { archivedAt: archived.archivedAt } }),
    );
    return this.get(slug, user);
  }

  /** Active automations bound to a runtime of `kind` (rabbitmq, bullmq…), for the collectors. */
  withRuntime(kind: string): Promise<{ slug: string; runtime: RuntimeBinding | null }[]> {
    return this.automations.withRuntime(kind);
  }

  /** The owning team of each known automation among `slugs`. */
  ownersOf(slugs: readonly string[]): Promise<Map<string, string>> {
    return this.automations.ownersOf(slugs);
  }

  /** The automation as catalog YAML: it validates and re-applies to the same definition. */
  async exportYaml(slug: string): Promise<string> {
    const entity = await this.find(slug);
    return definitionToYaml(entity);
  }

  private async find(slug: string): Promise<Automation> {
    const entity = await this.automations.findBySlug(slug);
    if (entity === null) {
      throw new AutomationNotFoundError(slug);
    }
    return entity;
  }

  private async mayChange(slug: string, user: User, permission: 'automation:update' | 'automation:archive'): Promise<Automation> {
    const existing = await this.find(slug);
    if (existing.source === 'file') {
      throw new FileManagedError(slug, existing.sourceFile);
    }
    const verdict = changeVerdict(existing, user, permission);
    if (!verdict.canEdit) {
      throw new NotAllowedError(verdict.reason ?? 'Not allowed.');
    }
    return existing;
  }

  /**
   * The same rules the catalog's files obey: variables a catalog may name, webhooks on public
   * addresses (asked of the binding's kind), and a service.name no other automation names.
   */
  private async checkBinding(definition: AutomationDefinition): Promise<void> {
    const problems: { field: string; found: string; allowed: string }[] = this.bindings.problems(definition.runtime);
    const serviceName = definition.runtime?.serviceName;
    const others = serviceName === undefined ? [] : await this.automations.namingService(serviceName, definition.slug);
    if (serviceName !== undefined && others.length > 0) {
      problems.push({ field: 'serviceName', found: clashFound({ serviceName, slugs: [definition.slug, ...others].sort() }), allowed: SERVICE_NAME_ALLOWED });
    }
    if (problems.length > 0) {
      const fields: FieldError[] = problems.map((p) => ({ path: `runtime.${p.field}`, message: `found ${p.found}; allowed: ${p.allowed}`, found: p.found, allowed: p.allowed }));
      throw new InputError(`The automation is not valid: ${fields.map((f) => f.path).join(', ')}.`, fields);
    }
  }

  private async checkOwner(definition: AutomationDefinition, user: User, mustOwn = true): Promise<void> {
    if (!(await this.teams.isActive(definition.ownerTeam))) {
      throw new InputError(`There is no team "${definition.ownerTeam}".`, [
        { path: 'owner', message: 'not a known team', found: JSON.stringify(definition.ownerTeam), allowed: 'the name of a team in the catalog' },
      ]);
    }
    if (mustOwn && !mayOwn(user, definition.ownerTeam)) {
      throw new NotAllowedError(`You may only register or edit automations for your own teams (${user.teams.join(', ') || 'none'}).`);
    }
  }

  private async present(entities: Automation[], user: User | undefined): Promise<AutomationObjectType[]> {
    const owners = await this.teams.byName(entities.map((e) => e.ownerTeam));
    return entities.map((entity) => {
      const owner = owners.get(entity.ownerTeam);
      if (owner === undefined) {
        throw new Error(`automation ${entity.slug} names team ${entity.ownerTeam}, which the foreign key says must exist`);
      }
      return toAutomationType(entity, owner, changeVerdict(entity, user));
    });
  }
}
