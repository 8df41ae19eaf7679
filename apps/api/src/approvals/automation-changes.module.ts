import { Module } from '@nestjs/common';
import { AutomationChangeGate } from './automation-change-gate.js';
import { AutomationChangesRepository } from './automation-changes.repository.js';

/** The gate automations' updates pass through, and the store of changes waiting for approval. */
@Module({
  providers: [AutomationChangesRepository, AutomationChangeGate],
  exports: [AutomationChangesRepository, AutomationChangeGate],
})
export class AutomationChangesModule {}
