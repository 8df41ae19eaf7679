import { Inject, Injectable } from '@nestjs/common';
import { COMMAND_LEASE_SECONDS, type AckCommandsResponseV1, type ClaimCommandsResponseV1, type DeadLetterV1, type ReprocessCommandV1 } from '@roundhouse/contracts';
import { AuditService } from '../audit/index.js';
import { commandPayloadOf, toContract } from '../dead-letters/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { runtimeActor } from '../tokens/index.js';
import { ReprocessItemsRepository, type ClaimedItem } from './reprocess-items.repository.js';
import { ReprocessService } from './reprocess.service.js';
import { Database, type Transaction } from '../database/database.js';

/** The command a claimed ledger item becomes. */
export function commandOf(item: ClaimedItem, issuedAt: Date): ReprocessCommandV1 {
  const body = { bytes: item.body, contentType: item.content_type, contentEncoding: item.content_encoding };
  return {
    reprocessId: item.reprocess_id,
    requestId: item.request_id,
    automation: item.automation_slug,
    deadLetterId: item.dead_letter_id,
    messageId: item.message_id,
    issuedAt: issuedAt.toISOString(),
    source: {
      kind: item.source_kind as DeadLetterV1['source']['kind'],
      queue: item.source_queue,
      ...(item.source_exchange === null ? {} : { exchange: item.source_exchange }),
      ...(item.source_routing_key === null ? {} : { routingKey: item.source_routing_key }),
    },
    body: toContract(body),
    payload: commandPayloadOf(body),
    headers: item.headers,
    ...(item.correlation_id === null ? {} : { correlationId: item.correlation_id }),
  };
}

/** One audit entry per request: which commands of it a runtime took (and so read the payloads of) or acknowledged. */
function byRequest<T extends { request_id: string; automation_slug: string; dead_letter_id: string; reprocess_id: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(item.request_id, [...(groups.get(item.request_id) ?? []), item]);
  }
  return groups;
}

/**
 * SDK pull: runtimes claim the reprocess commands offered to the automations their token covers
 * (those its team owns at that moment) and acknowledge them. Both are on record in the audit trail
 * with the runtime as the actor: a claim hands over the messages' payloads.
 */
@Injectable()
export class ReprocessCommandsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ReprocessItemsRepository) private readonly items: ReprocessItemsRepository,
    @Inject(ReprocessService) private readonly requests: ReprocessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async claim(runtime: RuntimeIdentity, request: { max: number; automations?: string[] | undefined }): Promise<ClaimCommandsResponseV1> {
    const items = await this.database.transaction(async (tx) => {
      const claimed = await this.items.claimCommands(tx, runtime, request.automations, request.max, COMMAND_LEASE_SECONDS);
      await this.record(tx, runtime, 'commands.claimed', claimed);
      return claimed;
    });
    const now = new Date();
    return { commands: items.map((item) => commandOf(item, now)) };
  }

  async ack(runtime: RuntimeIdentity, reprocessIds: readonly string[]): Promise<AckCommandsResponseV1> {
    const acknowledged = await this.database.transaction(async (tx) => {
      const items = await this.items.acknowledgeCommands(tx, reprocessIds, runtime);
      await this.record(tx, runtime, 'commands.acknowledged', items);
      return items;
    });
    for (const id of new Set(acknowledged.map((item) => item.request_id))) {
      await this.requests.settle(id);
    }
    return { acknowledged: acknowledged.length };
  }

  private async record(
    tx: Transaction,
    runtime: RuntimeIdentity,
    action: 'commands.claimed' | 'commands.acknowledged',
    items: readonly { request_id: string; automation_slug: string; dead_letter_id: string; reprocess_id: string }[],
  ): Promise<void> {
    for (const [requestId, group] of byRequest(items)) {
      await this.audit.record(
        {
          actor: runtimeActor(runtime),
          action,
          target: { kind: 'reprocess_request', id: requestId },
          automations: [...new Set(group.map((item) => item.automation_slug))],
          teams: [runtime.team],
          detail: { count: group.length, deadLetterIds: group.map((item) => item.dead_letter_id), reprocessIds: group.map((item) => item.reprocess_id) },
        },
        tx,
      );
    }
  }
}
