import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/index.js';
import { TokensRepository } from './tokens.repository.js';
import type { Transaction } from '../database/database.js';

/** An automation whose owner team changed. */
export interface AutomationMove {
  slug: string;
  from: string;
  to: string;
}

/**
 * Keeps runtime tokens' named lists true when automations change team (in the console or by a
 * catalog apply). Coverage is decided at use time from the automation's current team anyway; this
 * takes the moved automation out of the old team's tokens, so their lists (and a rotation of them)
 * never name another team's automation, and puts each change on record.
 */
@Injectable()
export class TokenCoverage {
  constructor(
    @Inject(TokensRepository) private readonly tokens: TokensRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Call in the transaction that moves the automations: the lists change with the move or not at all. */
  async automationsMoved(tx: Transaction, moves: readonly AutomationMove[], actor: AuditActor): Promise<void> {
    for (const move of moves) {
      for (const token of await this.tokens.dropAutomation(tx, move.from, move.slug)) {
        await this.audit.record(
          {
            actor,
            action: 'token.coverage_reduced',
            target: { kind: 'runtime_token', id: token.id },
            automations: [move.slug],
            teams: [move.from],
            reason: `${move.slug} moved from ${move.from} to ${move.to}: a token acts only for automations its team owns.`,
            before: { name: token.name, automations: token.before },
            after: { name: token.name, automations: token.after },
            detail: { automation: move.slug, from: move.from, to: move.to, coversNothing: token.after.length === 0 },
          },
          tx,
        );
      }
    }
  }
}
