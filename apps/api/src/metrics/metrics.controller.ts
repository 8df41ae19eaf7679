import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { NotSignedInError } from '../errors/domain-errors.js';
import { METRICS_CHALLENGE, metricsAccessProblem } from './metrics-access.js';
import { MetricsService } from './metrics.service.js';

@Controller()
export class MetricsController {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Prometheus scrape endpoint: counts and latencies only, no data. With ROUNDHOUSE_METRICS_TOKEN
   * set it needs `Authorization: Bearer <that token>` (no user session: Prometheus sends the token,
   * people do not come here); unset, it is 404 in production and public elsewhere, for local use.
   */
  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const problem = metricsAccessProblem(request.headers.authorization, this.config);
    if (problem !== undefined) {
      if (problem instanceof NotSignedInError) {
        response.setHeader('www-authenticate', METRICS_CHALLENGE);
      }
      throw problem;
    }
    return this.metrics.registry.metrics();
  }
}
