import { formatProblem, type CatalogProblem } from '@roundhouse/contracts';
import { InputError } from '../errors/domain-errors.js';

/** The catalog has problems, so nothing of it was applied. */
export class CatalogInvalidError extends InputError {
  override readonly code = 'CATALOG_INVALID';

  constructor(readonly problems: CatalogProblem[]) {
    super(
      `The catalog was not applied: ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n${problems.map(formatProblem).join('\n')}`,
      problems.map((p) => ({ path: `${p.file}:${p.line}:${p.field}`, message: `found ${p.found}; allowed: ${p.allowed}`, found: p.found, allowed: p.allowed })),
    );
  }
}
