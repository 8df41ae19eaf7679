import { Controller, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentRuntime, RequireRuntimeToken } from '../auth/index.js';
import { NotAllowedError } from '../errors/domain-errors.js';
import { decodeContentCoding } from '../ingest/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { OtlpErrorFilter } from './otlp-error.filter.js';
import { readTraceRequest, requireEncoding } from './otlp-request.js';
import { sendExportResponse } from './otlp-response.js';
import { OtlpService } from './otlp.service.js';

/**
 * `POST /v1/traces`: OTLP/HTTP trace export (protobuf or JSON, gzip or deflate) with a runtime
 * token as the bearer; the protocol is in @roundhouse/contracts (ingest-protocol.ts).
 */
@Controller('v1')
@UseFilters(OtlpErrorFilter)
export class OtlpController {
  constructor(@Inject(OtlpService) private readonly service: OtlpService) {}

  @RequireRuntimeToken('ingest')
  @Post('traces')
  @HttpCode(200)
  async traces(@Req() request: Request, @Res() response: Response, @CurrentRuntime() runtime: RuntimeIdentity): Promise<void> {
    const encoding = requireEncoding(request.headers['content-type']);
    const body = decodeContentCoding(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request.headers['content-encoding']);
    const outcome = await this.service.export(readTraceRequest(body, encoding), runtime);
    if (outcome.allForbidden) {
      throw new NotAllowedError(outcome.partialSuccess?.errorMessage ?? `The token "${runtime.name}" covers none of the automations these spans report.`);
    }
    sendExportResponse(response, encoding, outcome.partialSuccess);
  }
}
