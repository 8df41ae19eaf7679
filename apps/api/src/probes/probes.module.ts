import { Module } from '@nestjs/common';
import { ProbesController } from './probes.controller.js';

/** `/healthz` and `/readyz`: whether the api process is alive and can reach its database. */
@Module({ controllers: [ProbesController] })
export class ProbesModule {}
