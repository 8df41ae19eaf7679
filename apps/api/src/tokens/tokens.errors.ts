import { ConflictError, NotFoundError } from '../errors/domain-errors.js';
import type { RuntimeToken } from './runtime-token-row.js';

export class TokenNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`No runtime token has the id "${id}".`);
  }
}

/** A revoked token, or one a rotation already replaced, cannot be rotated or revoked again. */
export class TokenNotRotatableError extends ConflictError {
  constructor(token: RuntimeToken) {
    super(
      token.revokedAt !== null
        ? `The token "${token.name}" was revoked on ${token.revokedAt.toISOString()}, so it cannot be rotated: create a new token instead.`
        : `The token "${token.name}" was already rotated: rotate the token that replaced it instead.`,
    );
  }
}

export class TokenAlreadyRevokedError extends ConflictError {
  constructor(token: RuntimeToken) {
    super(`The token "${token.name}" was already revoked on ${token.revokedAt?.toISOString() ?? 'an earlier request'}.`);
  }
}

/** Two tokens of a team in effect under one name could not be told apart in the console, the audit trail or a runtime's refusal. */
export class TokenNameTakenError extends ConflictError {
  constructor(existing: RuntimeToken) {
    super(`The team ${existing.team} already has a token named "${existing.name}" (${existing.prefix}…): choose another name, or rotate that token to replace its secret.`, 'name');
  }
}
