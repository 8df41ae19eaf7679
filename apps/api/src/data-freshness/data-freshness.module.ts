import { Module } from '@nestjs/common';
import { DataFreshnessRepository } from './data-freshness.repository.js';
import { DataFreshnessResolver } from './data-freshness.resolver.js';
import { DataFreshnessService } from './data-freshness.service.js';

/** How far behind the read replica is, for the console's "as of" notice beside figures it serves. */
@Module({
  providers: [DataFreshnessRepository, DataFreshnessService, DataFreshnessResolver],
})
export class DataFreshnessModule {}
