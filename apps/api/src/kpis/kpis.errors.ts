import { NotFoundError } from '../errors/domain-errors.js';

export class KpiNotFoundError extends NotFoundError {
  constructor(automation: string, kpi: string, known: readonly string[]) {
    super(`The automation "${automation}" has no KPI "${kpi}"; its KPIs are: ${[...known].sort().join(', ') || 'none'}.`);
  }
}
