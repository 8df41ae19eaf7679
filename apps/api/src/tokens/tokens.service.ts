import { Inject, Injectable } from '@nestjs/common';
import { TOKEN_CAPABILITIES, type TokenCapability } from '@roundhouse/contracts';
import { isTeamScoped, roleGrants } from '../auth/permissions.js';
import type { User } from '../auth/user.js';
import { AutomationsService } from '../automations/automations.service.js';
import { InputError, NotAllowedError, type FieldError } from '../errors/domain-errors.js';
import type { RuntimeIdentity } from './runtime-token.js';
import type { RuntimeTokenEntity } from './runtime-token.entity.js';
import { newRuntimeTokenSecret, parseRuntimeToken, secretMatches } from './runtime-token-secret.js';
import { TokenNotFoundError } from './tokens.errors.js';
import { TokensRepository } from './tokens.repository.js';

export interface CreateTokenRequest {
  name: string;
  team: string;
  automations: string[];
  capabilities: TokenCapability[];
}

@Injectable()
export class TokensService {
  constructor(
    @Inject(TokensRepository) private readonly tokens: TokensRepository,
    @Inject(AutomationsService) private readonly automations: AutomationsService,
  ) {}

  /** Creates a token; the whole secret is in the answer and nowhere else. */
  async create(request: CreateTokenRequest, user: User): Promise<{ token: RuntimeTokenEntity; secret: string }> {
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
    const owners = await this.automations.ownersOf(request.automations);
    request.automations.forEach((slug, index) => {
      if (owners.get(slug) !== request.team) {
        problems.push({ path: `automations[${index}]`, message: `"${slug}" is not an automation of team ${request.team}` });
      }
    });
    if (problems.length > 0) {
      throw new InputError('The token cannot be created.', problems);
    }
    const secret = newRuntimeTokenSecret();
    const token = await this.tokens.insert({
      id: secret.id,
      name,
      team: request.team,
      automations: [...new Set(request.automations)],
      capabilities: [...new Set(request.capabilities)],
      secretHash: secret.hash,
      prefix: secret.prefix,
      createdBy: user.id,
    });
    return { token, secret: secret.token };
  }

  async revoke(id: string, user: User): Promise<RuntimeTokenEntity> {
    const token = await this.tokens.findById(id);
    if (token === null) {
      throw new TokenNotFoundError(id);
    }
    this.checkManages(user, token.team);
    return this.tokens.revoke(id, new Date());
  }

  list(team: string, user: User): Promise<RuntimeTokenEntity[]> {
    this.checkManages(user, team);
    return this.tokens.listByTeam(team);
  }

  /** The runtime behind a bearer token, or undefined for a missing, malformed, unknown or revoked one. */
  async authenticate(bearer: string | undefined): Promise<RuntimeIdentity | undefined> {
    const parsed = bearer === undefined ? undefined : parseRuntimeToken(bearer);
    if (parsed === undefined) {
      return undefined;
    }
    const token = await this.tokens.findById(parsed.id);
    if (token === null || token.revokedAt !== null || !secretMatches(parsed.secret, token.secretHash)) {
      return undefined;
    }
    await this.tokens.touch(token.id, new Date());
    return { tokenId: token.id, name: token.name, team: token.team, automations: token.automations, capabilities: token.capabilities };
  }

  private checkManages(user: User, team: string): void {
    if (!roleGrants(user.role, 'token:manage') || (isTeamScoped(user.role) && !user.teams.includes(team))) {
      throw new NotAllowedError(`Only owners on the ${team} team manage its runtime tokens.`);
    }
  }
}
