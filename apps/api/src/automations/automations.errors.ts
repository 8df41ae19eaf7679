import { ConflictError, NotAllowedError, NotFoundError } from '../errors/domain-errors.js';

export class AutomationNotFoundError extends NotFoundError {
  constructor(slug: string) {
    super(`No automation has the slug "${slug}".`);
  }
}

export class SlugTakenError extends ConflictError {
  constructor(slug: string, archived: boolean) {
    super(`The slug "${slug}" is already taken${archived ? ' by an archived automation' : ''}; choose another.`, 'slug');
  }
}

/** File-managed automations change through Git, like any GitOps object. */
export class FileManagedError extends NotAllowedError {
  override readonly code = 'FILE_MANAGED';

  constructor(slug: string, sourceFile: string | null) {
    super(`"${slug}" is managed in Git (${sourceFile ?? 'catalog/'}): edit the file there and the catalog will sync.`);
  }
}
