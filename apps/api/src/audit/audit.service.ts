import { Inject, Injectable } from '@nestjs/common';
import { isTeamScoped, roleGrants, type User } from '../auth/index.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination.js';
import { InputError, NotAllowedError, type FieldError } from '../errors/domain-errors.js';
import type { AuditRow, NewAuditEntry } from './audit-entry.js';
import { toAuditEntryType } from './audit.mapper.js';
import { AuditRepository, type AuditQuery } from './audit.repository.js';
import type { AuditEntryConnectionType, AuditFilter } from './dto/audit-entry.type.js';
import { renewDatabaseBudget } from '../database/request-budget.js';
import type { Transaction } from '../database/database.js';

export const MAX_AUDIT_PAGE = 200;
/** The most rows one export holds; narrow the filters for more. */
export const MAX_EXPORT_ROWS = 100_000;
const EXPORT_PAGE = 1_000;
const MAX_FILTER_TEXT = 200;

type Position = NonNullable<AuditQuery['before']>;

const readPosition = ([at, id]: unknown[]): Position | undefined =>
  typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^\d{1,18}$/.test(id) ? { at, id } : undefined;

/** The filter's text fields trimmed (blank: not given) and its dates checked; throws an InputError naming each bad field. */
function criteria(filter: AuditFilter | null | undefined): AuditQuery {
  const problems: FieldError[] = [];
  const text = (field: 'automation' | 'team' | 'actor' | 'action' | 'targetKind' | 'targetId'): string | undefined => {
    const value = filter?.[field]?.trim() ?? '';
    if (value.length > MAX_FILTER_TEXT) {
      problems.push({ path: field, message: `at most ${MAX_FILTER_TEXT} characters`, found: `${value.length} characters` });
    }
    return value === '' ? undefined : value;
  };
  const query: AuditQuery = {
    automation: text('automation'),
    team: text('team'),
    actor: text('actor'),
    action: text('action'),
    targetKind: text('targetKind'),
    targetId: text('targetId'),
    from: filter?.from ?? undefined,
    to: filter?.to ?? undefined,
  };
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
    problems.push({ path: 'to', message: 'must be after from', found: query.to.toISOString(), allowed: `a time after ${query.from.toISOString()}` });
  }
  if (problems.length > 0) {
    throw new InputError(`The audit filter is not valid: ${problems.map((p) => p.path).join(', ')}.`, problems);
  }
  return query;
}

/**
 * Records every change and action in the append-only trail, and reads it back within the reader's
 * scope: admins read everything; operators and owners the entries concerning their teams or their
 * teams' automations. Pass the transaction to `record` so the entry is written with the
 * change or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly repository: AuditRepository) {}

  record(entry: NewAuditEntry, tx?: Transaction): Promise<void> {
    return this.repository.insert(tx, entry);
  }

  /** Newest first; keyset pagination. */
  async search(filter: AuditFilter | null | undefined, first: number, after: string | undefined, user: User | undefined): Promise<AuditEntryConnectionType> {
    checkPageSize(first, MAX_AUDIT_PAGE);
    const query = await this.scoped(filter, user);
    const before = after === undefined ? undefined : decodeCursor(after, readPosition);
    const rows = await this.repository.list({ ...query, before }, first + 1);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ cursor: encodeCursor([row.at_key, row.id]), node: toAuditEntryType(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** The actions recorded in the reader's scope, for a filter's choices. */
  actions(user: User | undefined): Promise<string[]> {
    return this.repository.actions(this.readableTeams(user));
  }

  /**
   * Checks the filter and the reader's scope (throwing before anything is sent), then yields the
   * matching rows newest first, a page at a time, `MAX_EXPORT_ROWS` at most.
   */
  async export(filter: AuditFilter, user: User | undefined): Promise<AsyncGenerator<AuditRow[]>> {
    const query = await this.scoped(filter, user);
    const repository = this.repository;
    return (async function* pages() {
      let sent = 0;
      let before: Position | undefined;
      while (sent < MAX_EXPORT_ROWS) {
        // Each page within a request's database budget; a slow reader may stretch the whole download.
        renewDatabaseBudget();
        const rows = await repository.list({ ...query, before }, Math.min(EXPORT_PAGE, MAX_EXPORT_ROWS - sent));
        if (rows.length === 0) {
          return;
        }
        yield rows;
        sent += rows.length;
        const last = rows[rows.length - 1] as AuditRow;
        before = { at: last.at_key, id: last.id };
      }
    })();
  }

  /** The teams whose entries `user` may read; undefined for every team (admins). */
  private readableTeams(user: User | undefined): readonly string[] | undefined {
    if (user === undefined || !roleGrants(user.role, 'audit:read')) {
      throw new NotAllowedError(`Your role (${user?.role ?? 'signed out'}) cannot read the audit trail: operators, owners and admins can.`);
    }
    return isTeamScoped(user.role) ? user.teams : undefined;
  }

  /** The filter as a query limited to what `user` may read; refuses a team or automation outside their teams. */
  private async scoped(filter: AuditFilter | null | undefined, user: User | undefined): Promise<AuditQuery> {
    const query = criteria(filter);
    const teams = this.readableTeams(user);
    if (teams === undefined) {
      return query;
    }
    const yours = `You may read the audit trail of your own teams only (${teams.join(', ') || 'none'})`;
    if (query.team !== undefined && !teams.includes(query.team)) {
      throw new NotAllowedError(`${yours}; ${query.team} is not one of them.`);
    }
    const owner = query.automation === undefined ? undefined : await this.repository.ownerOf(query.automation);
    if (owner !== undefined && !teams.includes(owner)) {
      throw new NotAllowedError(`${yours}; ${query.automation ?? ''} belongs to ${owner}.`);
    }
    return { ...query, teams };
  }
}
