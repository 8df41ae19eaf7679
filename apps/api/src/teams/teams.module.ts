import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/index.js';
import { TeamsRepository } from './teams.repository.js';
import { TeamsResolver } from './teams.resolver.js';
import { TeamsService } from './teams.service.js';

@Module({
  imports: [PeopleModule],
  providers: [TeamsRepository, TeamsService, TeamsResolver],
  exports: [TeamsService],
})
export class TeamsModule {}
