import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/index.js';
import { JobsService } from './jobs.service.js';

@Module({ imports: [MetricsModule], providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
