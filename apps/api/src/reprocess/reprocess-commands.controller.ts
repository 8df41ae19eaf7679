import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ackCommandsRequestV1,
  claimCommandsRequestV1,
  type AckCommandsResponseV1,
  type ClaimCommandsResponseV1,
} from '@roundhouse/contracts';
import { CurrentRuntime, RequireRuntimeToken } from '../auth/decorators.js';
import { InputError } from '../errors/domain-errors.js';
import type { RuntimeIdentity } from '../tokens/runtime-token.js';
import { ReprocessCommandsService } from './reprocess-commands.service.js';

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new InputError(
      'The request body is not valid.',
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'body', message: issue.message })),
    );
  }
  return result.data;
}

/**
 * Reprocess commands for runtimes that use the SDK: they claim the commands offered to their
 * automations and acknowledge them once in hand. The protocol is in @roundhouse/contracts
 * (reprocess-command.v1.ts).
 */
@Controller('ingest/v1/commands')
export class ReprocessCommandsController {
  constructor(@Inject(ReprocessCommandsService) private readonly commands: ReprocessCommandsService) {}

  @RequireRuntimeToken('commands')
  @Post('claim')
  @HttpCode(200)
  claim(@Body() body: unknown, @CurrentRuntime() runtime: RuntimeIdentity): Promise<ClaimCommandsResponseV1> {
    return this.commands.claim(runtime, parse(claimCommandsRequestV1, body));
  }

  @RequireRuntimeToken('commands')
  @Post('ack')
  @HttpCode(200)
  ack(@Body() body: unknown, @CurrentRuntime() runtime: RuntimeIdentity): Promise<AckCommandsResponseV1> {
    return this.commands.ack(runtime, parse(ackCommandsRequestV1, body).reprocessIds);
  }
}
