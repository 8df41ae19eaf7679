import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { IngestResponse } from '@roundhouse/contracts';
import type { Request, Response } from 'express';
import { CurrentRuntime, RequireRuntimeToken } from '../auth/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { parseIngestBody } from './ingest-body.js';
import { IngestService } from './ingest.service.js';

/** `POST /ingest/v1/events`: the protocol is in @roundhouse/contracts (ingest-protocol.ts). */
@Controller('ingest/v1')
export class IngestController {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  @RequireRuntimeToken('ingest')
  @Post('events')
  @HttpCode(200)
  async events(@Req() request: Request, @Res({ passthrough: true }) response: Response, @CurrentRuntime() runtime: RuntimeIdentity): Promise<IngestResponse> {
    const { events, textsStorable } = parseIngestBody(request.body, request.headers['content-type'], request.headers['content-encoding']);
    const result = await this.service.ingest(events, runtime, { textsStorable });
    if (events.length > 0 && result.forbidden === events.length) {
      response.status(403);
    }
    return result;
  }
}
