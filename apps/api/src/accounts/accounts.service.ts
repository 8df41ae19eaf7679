import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { CLI_ACTOR, AuditService, type AuditActor } from '../audit/index.js';
import { ROLES, type Role, type User } from '../auth/index.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError, NotSignedInError, type FieldError } from '../errors/domain-errors.js';
import { PeopleService } from '../people/index.js';
import { AccountsRepository } from './accounts.repository.js';
import { toUserAccount, type UserAccount } from './user-account.js';
import { Database } from '../database/database.js';

export const MIN_PASSWORD_LENGTH = 12;
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface NewAccountInput {
  username: string;
  name: string;
  role: string;
  teams: readonly string[];
  password: string;
}

/** Who changed accounts: the command line, run by whoever administers the server. */
/** Who tried to sign in but did not. */
const SIGN_IN_ATTEMPT: AuditActor = { id: 'anonymous', name: 'Someone signing in', kind: 'person' };
const WRONG_CREDENTIALS = 'The username or password is wrong.';

/**
 * Local accounts for self-hosting: created and disabled from the command line, signed in to with a
 * username and password. Passwords are kept only as argon2id hashes.
 */
@Injectable()
export class AccountsService {
  /** Checked against when the username is unknown, so an unknown user costs the same work as a wrong password. */
  private readonly dummyHash = hash(randomBytes(32));

  constructor(
    @Inject(AccountsRepository) private readonly repository: AccountsRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(PeopleService) private readonly people: PeopleService,
  ) {}

  async add(input: NewAccountInput): Promise<UserAccount> {
    const username = input.username.trim().toLowerCase();
    const teams = [...new Set(input.teams.map((t) => t.trim()))];
    const problems = await this.problemsWith({ ...input, username, teams });
    if (problems.length > 0) {
      throw new InputError(`The account "${username}" cannot be created: ${problems.map((p) => p.message).join('; ')}.`, problems);
    }
    const account = { username, name: input.name.trim(), role: input.role as Role, teams, passwordHash: await hash(input.password) };
    await this.database.transaction(async (tx) => {
      if (!(await this.repository.insert(tx, account))) {
        throw new ConflictError(`An account named "${username}" already exists.`, 'username');
      }
      const after = { username, name: account.name, role: account.role, teams };
      await this.audit.record({ actor: CLI_ACTOR, action: 'account.created', target: { kind: 'account', id: username }, teams, after }, tx);
    });
    const created = await this.repository.findByUsername(username);
    if (created === undefined) {
      throw new NotFoundError(`The account "${username}" disappeared right after it was created.`);
    }
    return toUserAccount(created);
  }

  /** Signing in is refused from then on; sessions already given out end when they expire. */
  async disable(username: string): Promise<UserAccount> {
    const normalized = username.trim().toLowerCase();
    await this.database.transaction(async (tx) => {
      const before = await this.repository.disable(tx, normalized, new Date());
      if (before === undefined) {
        throw new NotFoundError(`There is no account named "${normalized}".`);
      }
      if (before.disabled_at === null) {
        await this.audit.record({ actor: CLI_ACTOR, action: 'account.disabled', target: { kind: 'account', id: normalized }, teams: before.teams }, tx);
      }
    });
    const account = await this.repository.findByUsername(normalized);
    if (account === undefined) {
      throw new NotFoundError(`There is no account named "${normalized}".`);
    }
    return toUserAccount(account);
  }

  async list(): Promise<UserAccount[]> {
    return (await this.repository.list()).map(toUserAccount);
  }

  /** Whether the sign-in page should offer a username and password. */
  anyEnabled(): Promise<boolean> {
    return this.repository.anyEnabled();
  }

  /**
   * The signed-in user for a username and password. A wrong password and an unknown username get the
   * same answer after the same work; a disabled account is named only to someone who knows its password.
   */
  async signIn(username: string, password: string, address: string | undefined): Promise<User> {
    const normalized = username.trim().toLowerCase();
    const account = await this.repository.findByUsername(normalized);
    const matches = await verify(account?.password_hash ?? (await this.dummyHash), password).catch(() => false);
    if (account === undefined || !matches) {
      await this.refused(normalized, 'wrong username or password', address);
      throw new NotSignedInError(WRONG_CREDENTIALS);
    }
    if (account.disabled_at !== null) {
      await this.refused(normalized, 'account disabled', address);
      throw new NotAllowedError(`The account "${normalized}" is disabled. Ask an administrator if you still need access.`);
    }
    // The account's teams, and those the catalog gives the person of the same name (a Backstage User, a team's member).
    const user = await this.people.withCatalogTeams({ id: account.username, name: account.display_name, role: account.role, teams: account.teams }, [account.username]);
    await this.repository.recordSignIn(account.username, new Date());
    await this.audit.record({
      actor: { id: user.id, name: user.name },
      action: 'session.signed_in',
      target: { kind: 'account', id: user.id },
      teams: user.teams,
      detail: { username: user.id, method: 'password', address },
    });
    return user;
  }

  private refused(username: string, reason: string, address: string | undefined): Promise<void> {
    return this.audit.record({
      actor: SIGN_IN_ATTEMPT,
      action: 'session.sign_in_refused',
      target: { kind: 'account', id: username },
      reason,
      detail: { username, method: 'password', address },
    });
  }

  private async problemsWith(input: NewAccountInput): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (!USERNAME.test(input.username)) {
      problems.push({
        path: 'username',
        message: 'the username must be 1–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
        found: input.username,
      });
    }
    if (input.name.trim() === '') {
      problems.push({ path: 'name', message: 'the name people see is required (--name "Omar Owner")' });
    }
    if (!(ROLES as readonly string[]).includes(input.role)) {
      problems.push({ path: 'role', message: `the role must be one of ${ROLES.join(', ')}`, found: input.role, allowed: ROLES.join(', ') });
    }
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      problems.push({ path: 'password', message: `the password must be at least ${MIN_PASSWORD_LENGTH} characters (it has ${input.password.length})` });
    }
    const known = await this.repository.existingTeams(input.teams);
    const unknown = input.teams.filter((team) => !known.has(team));
    if (unknown.length > 0) {
      problems.push({
        path: 'teams',
        message: `${unknown.length === 1 ? 'the team' : 'the teams'} ${unknown.map((t) => `"${t}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the catalog (its teams/ folder)`,
        found: unknown.join(', '),
      });
    }
    return problems;
  }
}
