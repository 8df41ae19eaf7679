import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { KpiMoneyKind } from '@roundhouse/contracts';
import { KpiMoneyKindEnum } from '../../common/graphql/enums.js';

@ObjectType('HoursSavedItem')
export class HoursSavedItemType {
  @Field(() => String) automation: string;
  @Field(() => String) kpi: string;
  @Field(() => String) kpiTitle: string;
  @Field(() => Float) touchesAvoidedPerDay: number;
  @Field(() => Float) minutesPerTouch: number;
  @Field(() => Float, { description: 'Days of the range with data that the hours are counted over.' }) days: number;
  @Field(() => Float) hours: number;
}

@ObjectType('MoneyItem', { description: 'One money KPI of one automation, in its own unit.' })
export class MoneyItemType {
  @Field(() => String) automation: string;
  @Field(() => String) kpi: string;
  @Field(() => String) kpiTitle: string;
  @Field(() => String) currency: string;
  @Field(() => String, { description: 'The KPI\'s unit, e.g. "EUR/month" (per month), "EUR/month-end" (at each month-end) or "EUR" (an amount).' }) unit: string;
  @Field(() => KpiMoneyKindEnum) kind: KpiMoneyKind;
  @Field(() => Float, { description: 'The agreed "before".' }) before: number;
  @Field(() => Float, { description: 'The "after" over the range.' }) after: number;
  @Field(() => Float, { description: 'The change, positive when better: less cost or balance at stake, more cash recovered.' }) change: number;
}

@ObjectType('MoneyTotal', {
  description:
    'Money of one currency, one unit and one kind added up: the only money figures that may be added. A cost per month and a balance at month-end are two lines, never one sum.',
})
export class MoneyTotalType {
  @Field(() => String) currency: string;
  @Field(() => String) unit: string;
  @Field(() => KpiMoneyKindEnum) kind: KpiMoneyKind;
  @Field(() => Float) before: number;
  @Field(() => Float) after: number;
  @Field(() => Float, { description: 'Money saved, more money recovered, or less money at stake than before (negative: worse).' }) change: number;
  @Field(() => [MoneyItemType]) items: MoneyItemType[];
}

@ObjectType('SkippedKpi')
export class SkippedKpiType {
  @Field(() => String) automation: string;
  @Field(() => String) kpi: string;
  @Field(() => String) kpiTitle: string;
  @Field(() => String, { description: 'Plain words: "no data in the range", "no baseline measured", "minutes per touch not set".' }) reason: string;
}

@ObjectType('ProgramTotals')
export class ProgramTotalsType {
  @Field(() => Float, { nullable: true, description: 'Empty when no KPI could count (no data in the range, or none counts manual work): not the same as 0 hours.' })
  hoursSaved: number | null;
  @Field(() => [HoursSavedItemType]) hoursSavedItems: HoursSavedItemType[];
  @Field(() => [MoneyTotalType], { description: 'One line per currency, unit and kind.' }) money: MoneyTotalType[];
  @Field(() => [SkippedKpiType]) skipped: SkippedKpiType[];
}
