import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

/** Local accounts (username and password), for self-hosting without an identity provider. */
@Module({
  imports: [PeopleModule],
  providers: [AccountsRepository, AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
