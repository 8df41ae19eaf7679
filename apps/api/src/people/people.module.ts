import { Module } from '@nestjs/common';
import { TeamDirectory, providePort } from '../auth/index.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleService } from './people.service.js';

/** People from the catalog (Backstage Users) and the teams they sign in with. */
@Module({
  providers: [PeopleRepository, PeopleService, providePort(TeamDirectory, PeopleService)],
  exports: [PeopleService, TeamDirectory],
})
export class PeopleModule {}
