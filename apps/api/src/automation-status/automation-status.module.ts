import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/index.js';
import { AutomationStatusRepository } from './automation-status.repository.js';
import { AutomationStatusResolver } from './automation-status.resolver.js';
import { AutomationStatusService } from './automation-status.service.js';

/** Each automation's status in the catalog list: health, open alerts, recent runs. */
@Module({
  imports: [AlertsModule],
  providers: [AutomationStatusRepository, AutomationStatusService, AutomationStatusResolver],
})
export class AutomationStatusModule {}
