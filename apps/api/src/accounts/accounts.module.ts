import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { LocalAccounts, providePort } from '../auth/index.js';
import { PeopleModule } from '../people/index.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

/** Local accounts (username and password), for self-hosting without an identity provider. */
@Module({
  imports: [PeopleModule, AuditModule],
  providers: [AccountsRepository, AccountsService, providePort(LocalAccounts, AccountsService)],
  exports: [AccountsService, LocalAccounts],
})
export class AccountsModule {}
