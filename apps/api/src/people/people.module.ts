import { Module } from '@nestjs/common';
import { PeopleRepository } from './people.repository.js';
import { PeopleService } from './people.service.js';

/** People from the catalog (Backstage Users) and the teams they sign in with. */
@Module({
  providers: [PeopleRepository, PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
