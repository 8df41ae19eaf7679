import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/index.js';
import { Database } from '../database/database.js';

/**
 * The api process's liveness and readiness probes, for load balancers and orchestrators. An
 * automation's health (success rate, latency over a window) is another thing: `runs/run-health.ts`.
 */
@Controller()
export class ProbesController {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Alive: the process answers. */
  @Public()
  @Get('healthz')
  healthz() {
    return { status: 'ok' };
  }

  /** Ready: the database answers too. */
  @Public()
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) response: Response) {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      response.status(503);
      return { status: 'unavailable', database: 'down' };
    }
  }
}
