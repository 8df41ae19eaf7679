import { Inject, Injectable } from '@nestjs/common';
import { TOKEN_CAPABILITIES, type TokenCapability } from '@roundhouse/contracts';
import { AuditService } from '../audit/index.js';
import { grantsOnTeam, type RuntimeAuthentication, type User } from '../auth/index.js';
import { AutomationOwners } from './automation-owners.js';
import { InputError, NotAllowedError, type FieldError } from '../errors/domain-errors.js';
import type { RuntimeToken } from './runtime-token-row.js';
import { newRuntimeTokenSecret, parseRuntimeToken, secretMatches } from './runtime-token-secret.js';
import { TokenAlreadyRevokedError, TokenNameTakenError, TokenNotFoundError, TokenNotRotatableError } from './tokens.errors.js';
import { TokensRepository } from './tokens.repository.js';
import { Database, type Transaction } from '../database/database.js';

export const DEFAULT_EXPIRES_IN_DAYS = 90;
export const DEFAULT_OVERLAP_HOURS = 24;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface CreateTokenRequest {
  name: string;
  team: string;
  /** null: every automation of the team, present and future. */
  automations: string[] | null;
  capabilities: TokenCapability[];
  expiresInDays: number;
}

export interface RotateTokenRequest {
  overlapHours: number;
  expiresInDays: number;
}

function whole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** What the audit trail keeps of a token: never its secret or hash. */
function described(token: Pick<RuntimeToken, 'name' | 'capabilities' | 'allAutomations' | 'automations' | 'expiresAt'>) {
  return { name: token.name, capabilities: token.capabilities, allAutomations: token.allAutomations, automations: token.automations, expiresAt: token.expiresAt.toISOString() };
}

@Injectable()
export class TokensService {
  constructor(
    @Inject(TokensRepository) private readonly tokens: TokensRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(AutomationOwners) private readonly automations: AutomationOwners,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Creates a token; the whole secret is in the answer and nowhere else. */
  async create(request: CreateTokenRequest, user: User): Promise<{ token: RuntimeToken; secret: string }> {
    this.checkManages(user, request.team);
    const problems: FieldError[] = [];
    const name = request.name.trim();
    if (name.length === 0 || name.length > 80) {
      problems.push({ path: 'name', message: 'a name of 1 to 80 characters, e.g. "invoice-worker production"' });
    }
    const unknown = request.capabilities.filter((c) => !(TOKEN_CAPABILITIES as readonly string[]).includes(c));
    if (request.capabilities.length === 0 || unknown.length > 0) {
      problems.push({ path: 'capabilities', message: `one or more of ${TOKEN_CAPABILITIES.join(', ')}` });
    }
    if (!whole(request.expiresInDays, 1, 365)) {
      problems.push({ path: 'expiresInDays', message: 'a whole number of days from 1 to 365', found: String(request.expiresInDays), allowed: '1–365' });
    }
    const named = request.automations ?? [];
    if (request.automations !== null && named.length === 0) {
      // An empty list would be a token for nothing; "every automation" is said by leaving the list out.
      problems.push({
        path: 'automations',
        message: `name at least one automation of team ${request.team}, or leave automations out for every automation of the team`,
        found: '[]',
      });
    }
    const owners = await this.automations.ownersOf(named);
    named.forEach((slug, index) => {
      if (owners.get(slug) !== request.team) {
        problems.push({ path: `automations[${index}]`, message: `"${slug}" is not an automation of team ${request.team}` });
      }
    });
    if (problems.length > 0) {
      throw new InputError('The token cannot be created.', problems);
    }
    return this.database.transaction(async (tx) => {
      const taken = await this.tokens.liveNamed(tx, request.team, name, new Date());
      if (taken !== null) {
        throw new TokenNameTakenError(taken);
      }
      const created = await this.insert(
        tx,
        { name, team: request.team, allAutomations: request.automations === null, automations: named, capabilities: request.capabilities, replaces: null },
        request.expiresInDays,
        user,
      );
      await this.audit.record(
        {
          actor: user,
          action: 'token.created',
          target: { kind: 'runtime_token', id: created.token.id },
          teams: [created.token.team],
          automations: created.token.automations,
          after: described(created.token),
        },
        tx,
      );
      return created;
    });
  }

  /**
   * Rotates without downtime: a new token with the same name and scope, and the old one kept valid
   * for the overlap (or until it expires, when that is sooner) so runtimes can move over.
   */
  async rotate(id: string, request: RotateTokenRequest, user: User): Promise<{ token: RuntimeToken; secret: string; replaced: RuntimeToken }> {
    const old = await this.managed(id, user);
    const problems: FieldError[] = [];
    if (!whole(request.overlapHours, 1, 168)) {
      problems.push({ path: 'overlapHours', message: 'a whole number of hours from 1 to 168 (a week)', found: String(request.overlapHours), allowed: '1–168' });
    }
    if (!whole(request.expiresInDays, 1, 365)) {
      problems.push({ path: 'expiresInDays', message: 'a whole number of days from 1 to 365', found: String(request.expiresInDays), allowed: '1–365' });
    }
    if (problems.length > 0) {
      throw new InputError('The token cannot be rotated.', problems);
    }
    if (old.revokedAt !== null || old.replacedBy !== null) {
      throw new TokenNotRotatableError(old);
    }
    // Only what the team still owns is carried over: a rotation never hands the new token an automation of another team.
    const owners = await this.automations.ownersOf(old.automations);
    const automations = old.automations.filter((slug) => owners.get(slug) === old.team);
    return this.database.transaction(async (tx) => {
      const created = await this.insert(
        tx,
        { name: old.name, team: old.team, allAutomations: old.allAutomations, automations, capabilities: old.capabilities, replaces: old.id },
        request.expiresInDays,
        user,
      );
      const endsAt = new Date(Date.now() + request.overlapHours * HOUR_MS);
      if (!(await this.tokens.markReplaced(tx, old.id, created.token.id, endsAt))) {
        throw new TokenNotRotatableError(await this.tokens.reload(tx, old.id));
      }
      const replaced = await this.tokens.reload(tx, old.id);
      const scope = { teams: [old.team], automations: old.automations };
      await this.audit.record(
        { actor: user, action: 'token.created', target: { kind: 'runtime_token', id: created.token.id }, ...scope, after: described(created.token), detail: { replaces: old.id } },
        tx,
      );
      await this.audit.record(
        {
          actor: user,
          action: 'token.rotated',
          target: { kind: 'runtime_token', id: old.id },
          ...scope,
          before: described(old),
          after: described(replaced),
          detail: { replacedBy: created.token.id, overlapHours: request.overlapHours },
        },
        tx,
      );
      return { ...created, replaced };
    });
  }

  async revoke(id: string, user: User): Promise<RuntimeToken> {
    const token = await this.managed(id, user);
    return this.database.transaction(async (tx) => {
      if (!(await this.tokens.revoke(tx, id, user.id, new Date()))) {
        throw new TokenAlreadyRevokedError(await this.tokens.reload(tx, id));
      }
      const revoked = await this.tokens.reload(tx, id);
      await this.audit.record(
        {
          actor: user,
          action: 'token.revoked',
          target: { kind: 'runtime_token', id },
          teams: [token.team],
          automations: token.automations,
          before: described(token),
          after: { ...described(revoked), revokedAt: revoked.revokedAt?.toISOString() },
        },
        tx,
      );
      return revoked;
    });
  }

  list(team: string, user: User): Promise<RuntimeToken[]> {
    this.checkManages(user, team);
    return this.tokens.listByTeam(team);
  }

  /** The runtime behind a bearer token, or why it is refused: missing or malformed, unknown, revoked or expired. */
  async authenticate(bearer: string | undefined, now = new Date()): Promise<RuntimeAuthentication> {
    const parsed = bearer === undefined ? undefined : parseRuntimeToken(bearer);
    if (bearer === undefined || parsed === undefined) {
      return { refusal: 'missing', message: 'A valid runtime token is required: Authorization: Bearer rh_rt_…' };
    }
    const token = await this.tokens.findById(parsed.id);
    // A wrong secret for a known id says no more than an unknown id: the name is for the token's holder.
    if (token === null || !secretMatches(parsed.secret, token.secretHash)) {
      return { refusal: 'unknown', message: `Roundhouse knows no runtime token ${bearer.slice(0, 'rh_rt_'.length + 8)}…: check the runtime's ROUNDHOUSE_TOKEN.` };
    }
    if (token.revokedAt !== null) {
      return {
        refusal: 'revoked',
        message: `The runtime token "${token.name}" (${token.prefix}…) was revoked on ${token.revokedAt.toISOString()}: ask an owner of ${token.team} for a new token.`,
      };
    }
    if (token.expiresAt.getTime() <= now.getTime()) {
      const rotated =
        token.replacedBy !== null
          ? ' after it was rotated: give the runtime the token that replaced it'
          : ': rotate it in Roundhouse (Runtime tokens → Rotate) and give the runtime the new token';
      return { refusal: 'expired', message: `The runtime token "${token.name}" (${token.prefix}…) expired on ${token.expiresAt.toISOString()}${rotated}.` };
    }
    await this.tokens.touch(token.id, now);
    return { runtime: { tokenId: token.id, name: token.name, team: token.team, automations: token.allAutomations ? 'all' : token.automations, capabilities: token.capabilities } };
  }

  private async insert(
    tx: Transaction,
    scope: Pick<RuntimeToken, 'name' | 'team' | 'allAutomations' | 'automations' | 'capabilities' | 'replaces'>,
    expiresInDays: number,
    user: User,
  ): Promise<{ token: RuntimeToken; secret: string }> {
    const secret = newRuntimeTokenSecret();
    const token = await this.tokens.insert(
      {
        id: secret.id,
        name: scope.name,
        team: scope.team,
        allAutomations: scope.allAutomations,
        automations: scope.allAutomations ? [] : [...new Set(scope.automations)],
        capabilities: [...new Set(scope.capabilities)],
        secretHash: secret.hash,
        prefix: secret.prefix,
        createdBy: user.id,
        expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
        replaces: scope.replaces,
      },
      tx,
    );
    return { token, secret: secret.token };
  }

  private async managed(id: string, user: User): Promise<RuntimeToken> {
    const token = await this.tokens.findById(id);
    if (token === null) {
      throw new TokenNotFoundError(id);
    }
    this.checkManages(user, token.team);
    return token;
  }

  private checkManages(user: User, team: string): void {
    if (!grantsOnTeam(user, 'token:manage', team)) {
      throw new NotAllowedError(`Only owners on the ${team} team manage its runtime tokens.`);
    }
  }
}
