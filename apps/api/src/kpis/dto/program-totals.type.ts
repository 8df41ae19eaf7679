import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('HoursSavedItem')
export class HoursSavedItemType {
  @Field(() => String) automation: string;
  @Field(() => String) kpi: string;
  @Field(() => String) kpiTitle: string;
  @Field(() => Float) touchesAvoidedPerDay: number;
  @Field(() => Float) minutesPerTouch: number;
  @Field(() => Float) days: number;
  @Field(() => Float) hours: number;
}

@ObjectType('UnitAmount')
export class UnitAmountType {
  @Field(() => String) unit: string;
  @Field(() => Float) amount: number;
}

@ObjectType('MoneyItem')
export class MoneyItemType {
  @Field(() => String) automation: string;
  @Field(() => String) kpi: string;
  @Field(() => String) kpiTitle: string;
  @Field(() => String) unit: string;
  @Field(() => Float) amount: number;
}

@ObjectType('CurrencyTotal')
export class CurrencyTotalType {
  @Field(() => String) currency: string;
  @Field(() => Float) amount: number;
  @Field(() => [UnitAmountType]) byUnit: UnitAmountType[];
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
  @Field(() => Float) hoursSaved: number;
  @Field(() => [HoursSavedItemType]) hoursSavedItems: HoursSavedItemType[];
  @Field(() => [CurrencyTotalType]) money: CurrencyTotalType[];
  @Field(() => [SkippedKpiType]) skipped: SkippedKpiType[];
}
