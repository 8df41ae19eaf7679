import type { ExistingProvider } from '@nestjs/common';
import type { RuntimeAuthentication } from './runtime-identity.js';
import type { User } from './user.js';

/*
 * What auth/ needs of the features that know people, accounts and tokens. Auth owns these ports and
 * those features provide them (`providePort` in their modules); AppModule hands their modules to
 * AuthModule.forRoot. So every feature may use auth's guard and decorators while auth imports none of them.
 */

/** Who a runtime's bearer token belongs to, or why it is refused. Provided by tokens/ (TokensService). */
export abstract class RuntimeAuthenticator {
  abstract authenticate(bearer: string | undefined): Promise<RuntimeAuthentication>;
}

/** The teams the catalog gives a person, added to theirs. Provided by people/ (PeopleService). */
export abstract class TeamDirectory {
  abstract withCatalogTeams(user: User, identifiers: readonly (string | undefined)[]): Promise<User>;
}

/** Local accounts (username and password). Provided by accounts/ (AccountsService). */
export abstract class LocalAccounts {
  abstract anyEnabled(): Promise<boolean>;
  abstract signIn(username: string, password: string, address: string | undefined): Promise<User>;
}

/** A sign-in, sign-out or refused sign-in, as the audit trail records it. */
export interface SignInRecord {
  actor: { id: string; name: string; kind?: 'person' };
  action: 'session.signed_in' | 'session.signed_out' | 'session.sign_in_refused';
  target: { kind: 'account'; id: string };
  teams?: readonly string[];
  reason?: string;
  detail?: Record<string, unknown>;
}

/** Where sign-ins are recorded. Provided by audit/ (AuditService). */
export abstract class SignInAudit {
  abstract record(entry: SignInRecord): Promise<void>;
}

/** `port` provided by the module's `service`; the compiler checks that the service has the port's methods. */
export function providePort<T>(port: abstract new (...args: never[]) => T, service: new (...args: never[]) => T): ExistingProvider {
  return { provide: port, useExisting: service };
}
