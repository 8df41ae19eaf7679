/** What kpis/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { rangeOrDefault, resolveRange, trendPlan } from './kpi-range.js';
export type { DateRangeArgs, ResolvedRange } from './kpi-range.js';
export { KpisModule } from './kpis.module.js';
export type { AutomationKpis } from './kpis.repository.js';
export { KpisService } from './kpis.service.js';
export type { KpiAsk, KpiBatch, KpiReportResult, KpiTrendResult, ProgramTotalsResult } from './kpis.service.js';
