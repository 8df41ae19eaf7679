import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ackCommandsRequestV1, claimCommandsRequestV1, type AckCommandsResponseV1, type ClaimCommandsResponseV1 } from '@roundhouse/contracts';
import type { z } from 'zod';
import { CurrentRuntime, RequireRuntimeToken } from '../auth/index.js';
import { ZodBodyPipe } from '../common/http/zod-body.pipe.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { ReprocessCommandsService } from './reprocess-commands.service.js';

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
  claim(
    @Body(new ZodBodyPipe(claimCommandsRequestV1)) body: z.output<typeof claimCommandsRequestV1>,
    @CurrentRuntime() runtime: RuntimeIdentity,
  ): Promise<ClaimCommandsResponseV1> {
    return this.commands.claim(runtime, body);
  }

  @RequireRuntimeToken('commands')
  @Post('ack')
  @HttpCode(200)
  ack(@Body(new ZodBodyPipe(ackCommandsRequestV1)) body: z.output<typeof ackCommandsRequestV1>, @CurrentRuntime() runtime: RuntimeIdentity): Promise<AckCommandsResponseV1> {
    return this.commands.ack(runtime, body.reprocessIds);
  }
}
