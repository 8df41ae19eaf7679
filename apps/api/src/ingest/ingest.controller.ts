import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { IngestResponse } from '@roundhouse/contracts';
import type { Request, Response } from 'express';
import { CurrentRuntime, RequireRuntimeToken } from '../auth/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { parseIngestBody } from './ingest-body.js';
import { IngestService, type IngestVersion } from './ingest.service.js';

/** `POST /ingest/v1/events` and `POST /ingest/v2/events`: the protocol is in @roundhouse/contracts (ingest-protocol.ts). */
@Controller('ingest')
export class IngestController {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  @RequireRuntimeToken('ingest')
  @Post('v1/events')
  @HttpCode(200)
  events(@Req() request: Request, @Res({ passthrough: true }) response: Response, @CurrentRuntime() runtime: RuntimeIdentity): Promise<IngestResponse> {
    return this.ingest(1, request, response, runtime);
  }

  /** Version 2: the version 1 events and `run`, an attempt's start and end in one (what the SDK sends). */
  @RequireRuntimeToken('ingest')
  @Post('v2/events')
  @HttpCode(200)
  eventsV2(@Req() request: Request, @Res({ passthrough: true }) response: Response, @CurrentRuntime() runtime: RuntimeIdentity): Promise<IngestResponse> {
    return this.ingest(2, request, response, runtime);
  }

  private async ingest(version: IngestVersion, request: Request, response: Response, runtime: RuntimeIdentity): Promise<IngestResponse> {
    const { events, textsStorable } = parseIngestBody(request.body, request.headers['content-type'], request.headers['content-encoding']);
    const result = await this.service.ingest(events, runtime, { textsStorable, version });
    if (events.length > 0 && result.forbidden === events.length) {
      response.status(403);
    }
    return result;
  }
}
