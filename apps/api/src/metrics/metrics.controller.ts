import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '../auth/decorators.js';
import { MetricsService } from './metrics.service.js';

@Controller()
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  /** Prometheus scrape endpoint. Public like /healthz: counts and latencies only, no data. */
  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
