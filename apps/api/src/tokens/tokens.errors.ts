import { NotFoundError } from '../errors/domain-errors.js';

export class TokenNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`No runtime token has the id "${id}".`);
  }
}
