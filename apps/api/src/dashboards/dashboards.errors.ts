import { formatProblem, type CatalogProblem } from '@roundhouse/contracts';
import { InputError } from '../errors/domain-errors.js';

/** The dashboard files have problems, so none of them was applied. */
export class DashboardsInvalidError extends InputError {
  override readonly code = 'DASHBOARDS_INVALID';

  constructor(readonly problems: CatalogProblem[]) {
    super(
      `The dashboards were not applied: ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n${problems.map(formatProblem).join('\n')}`,
      problems.map((p) => ({ path: `${p.file}:${p.line}:${p.field}`, message: `found ${p.found}; allowed: ${p.allowed}`, found: p.found, allowed: p.allowed })),
    );
  }
}
