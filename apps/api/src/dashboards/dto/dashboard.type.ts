import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DASHBOARD_PANEL_KINDS, type DashboardPanelKind } from '@roundhouse/contracts';
import { DateRangeSpecType, ResolvedDateRangeType } from '../../kpis/dto/date-range.type.js';
import { KpiReportType, KpiTrendType } from '../../kpis/dto/kpi-report.type.js';
import { ProgramTotalsType } from '../../kpis/dto/program-totals.type.js';
import { SloStatusType } from '../../slos/dto/slo-status.type.js';

export const DashboardPanelKindEnum = Object.fromEntries(DASHBOARD_PANEL_KINDS.map((k) => [k, k])) as { [K in DashboardPanelKind]: K };
registerEnumType(DashboardPanelKindEnum, { name: 'DashboardPanelKind', description: 'What a dashboard panel shows.' });

@ObjectType('DashboardSummary')
export class DashboardSummaryType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String) description: string;
  @Field(() => String) owner: string;
  @Field(() => String, { description: 'e.g. dashboards/finance-automation-program.yaml' }) path: string;
  @Field(() => Int) panelCount: number;
  @Field(() => DateRangeSpecType) defaultRange: DateRangeSpecType;
}

/**
 * One SLO of one automation in a dashboard's SLO table. `openAlerts` is resolved by the alerts
 * feature from `automation` and `status.name`.
 */
@ObjectType('DashboardSloRow')
export class DashboardSloRowType {
  @Field(() => String) automation: string;
  @Field(() => String) automationTitle: string;
  @Field(() => SloStatusType, { description: 'The SLO as it stands now (state, budget over its own window, burn rates).' }) status: SloStatusType;
  @Field(() => Float, { nullable: true, description: "Good ÷ total over the dashboard's range, in percent; null without data." }) attainmentPercent: number | null;
  @Field(() => Int) good: number;
  @Field(() => Int) total: number;
}

@ObjectType('DeadLetterBacklogRow')
export class DeadLetterBacklogRowType {
  @Field(() => String) automation: string;
  @Field(() => String) automationTitle: string;
  @Field(() => Int, { description: 'Waiting for a decision now (pending or failed again).' }) pending: number;
  @Field(() => Date, { nullable: true }) oldestPendingSince: Date | null;
  @Field(() => Int, { description: 'Dead letters that arrived during the range.' }) arrivedInRange: number;
  @Field(() => Int, { description: 'Dead letters of the range that were resolved, reprocessed or discarded.' }) closedInRange: number;
}

@ObjectType('DashboardPanel')
export class DashboardPanelType {
  @Field(() => DashboardPanelKindEnum) kind: DashboardPanelKind;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => KpiReportType, { nullable: true, description: 'kpi_before_after and kpi_trend.' }) kpi: KpiReportType | null;
  @Field(() => KpiTrendType, { nullable: true, description: 'kpi_trend.' }) trend: KpiTrendType | null;
  @Field(() => [DashboardSloRowType], { nullable: true, description: 'slo_table.' }) slos: DashboardSloRowType[] | null;
  @Field(() => [DeadLetterBacklogRowType], { nullable: true, description: 'dead_letter_backlog.' }) backlog: DeadLetterBacklogRowType[] | null;
  @Field(() => ProgramTotalsType, { nullable: true, description: 'program_totals.' }) totals: ProgramTotalsType | null;
  @Field(() => String, { nullable: true, description: 'A panel that cannot be computed (its automation or KPI is gone), in plain words; the other fields are then null.' })
  problem: string | null;
}

@ObjectType('Dashboard')
export class DashboardType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String) description: string;
  @Field(() => String) owner: string;
  @Field(() => String) path: string;
  @Field(() => DateRangeSpecType) defaultRange: DateRangeSpecType;
  @Field(() => ResolvedDateRangeType, { description: 'The range the panels were computed over (the argument, or defaultRange).' }) range: ResolvedDateRangeType;
  @Field(() => [DashboardPanelType]) panels: DashboardPanelType[];
}
