import { Inject, Injectable } from '@nestjs/common';
import { COMMAND_LEASE_SECONDS, type AckCommandsResponseV1, type ClaimCommandsResponseV1, type DeadLetterV1, type ReprocessCommandV1 } from '@roundhouse/contracts';
import type { RuntimeIdentity } from '../tokens/runtime-token.js';
import { ReprocessRepository, type ClaimedItem } from './reprocess.repository.js';
import { ReprocessService } from './reprocess.service.js';

/** The command a claimed ledger item becomes. */
export function commandOf(item: ClaimedItem, issuedAt: Date): ReprocessCommandV1 {
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
    payload: item.payload as ReprocessCommandV1['payload'],
    headers: item.headers,
    ...(item.correlation_id === null ? {} : { correlationId: item.correlation_id }),
  };
}

/** SDK pull: runtimes claim the reprocess commands offered to the automations their token covers. */
@Injectable()
export class ReprocessCommandsService {
  constructor(
    @Inject(ReprocessRepository) private readonly ledger: ReprocessRepository,
    @Inject(ReprocessService) private readonly requests: ReprocessService,
  ) {}

  async claim(runtime: RuntimeIdentity, request: { max: number; automations?: string[] | undefined }): Promise<ClaimCommandsResponseV1> {
    const covered = await this.covered(runtime);
    const wanted = request.automations === undefined ? covered : covered.filter((slug) => request.automations?.includes(slug));
    if (wanted.length === 0) {
      return { commands: [] };
    }
    const items = await this.ledger.claimCommands(wanted, request.max, COMMAND_LEASE_SECONDS);
    const now = new Date();
    return { commands: items.map((item) => commandOf(item, now)) };
  }

  async ack(runtime: RuntimeIdentity, reprocessIds: readonly string[]): Promise<AckCommandsResponseV1> {
    const { acknowledged, requestIds } = await this.ledger.acknowledgeCommands(reprocessIds, await this.covered(runtime));
    for (const id of requestIds) {
      await this.requests.settle(id);
    }
    return { acknowledged };
  }

  private covered(runtime: RuntimeIdentity): Promise<string[]> {
    return runtime.automations.length > 0 ? Promise.resolve(runtime.automations) : this.ledger.teamAutomations(runtime.team);
  }
}
