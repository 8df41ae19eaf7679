import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module.js';
import { AutomationsRepository } from './automations.repository.js';
import { AutomationsResolver } from './automations.resolver.js';
import { AutomationsService } from './automations.service.js';

@Module({
  imports: [TeamsModule],
  providers: [AutomationsRepository, AutomationsService, AutomationsResolver],
  exports: [AutomationsService],
})
export class AutomationsModule {}
