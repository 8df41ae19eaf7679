import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DashboardTrendInterval, KpiDirection, KpiSource } from '@roundhouse/contracts';
import { DASHBOARD_TREND_INTERVALS } from '@roundhouse/contracts';
import { KpiDirectionEnum, KpiSourceEnum } from '../../common/graphql/enums.js';
import type { KpiChange } from '../kpi-comparison.js';
import { ResolvedDateRangeType } from './date-range.type.js';

export const KpiChangeEnum = { better: 'better', worse: 'worse', unchanged: 'unchanged' } as const satisfies { [K in KpiChange]: K };
registerEnumType(KpiChangeEnum, {
  name: 'KpiChange',
  description: 'Whether "after" is better than "before", in the KPI\'s direction.',
});

export const TrendIntervalEnum = Object.fromEntries(DASHBOARD_TREND_INTERVALS.map((i) => [i, i])) as { [K in DashboardTrendInterval]: K };
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval', description: 'One trend point per hour, UTC day or ISO week (from Monday).' });

@ObjectType('KpiReport', { description: 'One KPI: the agreed "before", the "after" over a range, the change and progress to target.' })
export class KpiReportType {
  @Field(() => String) automation: string;
  @Field(() => String) automationTitle: string;
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String) unit: string;
  @Field(() => KpiDirectionEnum) direction: KpiDirection;
  @Field(() => KpiSourceEnum) source: KpiSource;
  @Field(() => String, { nullable: true }) currency: string | null;
  @Field(() => Float) target: number;
  @Field(() => Float, { nullable: true, description: 'The agreed "before" value, or the value measured over the baseline period; null when that period has no data.' })
  baseline: number | null;
  @Field(() => String) baselineNote: string;
  @Field(() => String, { nullable: true }) baselineFrom: string | null;
  @Field(() => String, { nullable: true }) baselineTo: string | null;
  @Field(() => Float, { nullable: true }) after: number | null;
  @Field(() => Float, { description: 'Share (0–1) of the range with data.' }) coverage: number;
  @Field(() => Boolean) partial: boolean;
  @Field(() => Boolean) noData: boolean;
  @Field(() => Float, { nullable: true, description: 'after − baseline, in the unit.' }) delta: number | null;
  @Field(() => KpiChangeEnum, { nullable: true }) change: KpiChange | null;
  @Field(() => Float, { nullable: true, description: 'Positive is better, whatever the direction.' }) improvementPercent: number | null;
  @Field(() => Float, { nullable: true, description: 'Unclamped; >100 beats the target, <0 is worse than before.' }) progressPercent: number | null;
  @Field(() => Float, { nullable: true, description: 'Clamped to 0–100 for a bar.' }) progressDisplayPercent: number | null;
  @Field(() => Boolean, { nullable: true }) targetReached: boolean | null;
  @Field(() => String, { nullable: true, description: 'Why improvement or progress is not shown, in plain words; null when both are.' }) caveat: string | null;
  @Field(() => String, { description: 'How "after" is computed, in plain words (tooltip).' }) howComputed: string;
  @Field(() => ResolvedDateRangeType) range: ResolvedDateRangeType;
}

@ObjectType('KpiTrendPoint')
export class KpiTrendPointType {
  @Field(() => Date, { description: 'Start of the hour/day/week (UTC).' }) at: Date;
  @Field(() => Float, { nullable: true, description: 'Null when nothing was measured in that bucket.' }) value: number | null;
}

@ObjectType('KpiTrend')
export class KpiTrendType {
  @Field(() => KpiReportType) kpi: KpiReportType;
  @Field(() => TrendIntervalEnum) interval: DashboardTrendInterval;
  @Field(() => [KpiTrendPointType]) points: KpiTrendPointType[];
}
