import { Inject, Injectable } from '@nestjs/common';
import { isTeamScoped, type User } from '../auth/index.js';
import { checkPageSize } from '../common/pagination.js';
import { InputError } from '../errors/domain-errors.js';
import type { QuarantineConnectionType } from './dto/quarantined-event.type.js';
import { QuarantineRepository } from './quarantine.repository.js';

const MAX_PAGE = 200;

/** Quarantined events, shown to the owners of the team whose token sent them (admins see all). */
@Injectable()
export class QuarantineService {
  constructor(@Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository) {}

  async list(user: User, automation: string | undefined, first: number, after: string | undefined): Promise<QuarantineConnectionType> {
    checkPageSize(first, MAX_PAGE);
    if (after !== undefined && !/^\d+$/.test(after)) {
      throw new InputError('The cursor is not one this API gave out.', [{ path: 'after', message: 'use pageInfo.endCursor from a previous page' }]);
    }
    const { rows, total } = await this.quarantine.page(isTeamScoped(user.role) ? user.teams : undefined, automation, first + 1, after);
    const edges = rows.slice(0, first).map((row) => ({
      cursor: row.id,
      node: {
        id: row.id,
        receivedAt: new Date(row.received_at),
        automation: row.automation,
        eventType: row.event_type,
        reason: row.reason,
        payload: JSON.stringify(row.payload, null, 2),
        tokenName: row.token_name,
      },
    }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
