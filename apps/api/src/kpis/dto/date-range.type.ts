import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';

@InputType('DateRangeInput', {
  description: 'A date range: a rolling `last` duration ending now ("30d"), or whole UTC days `from`–`to` (YYYY-MM-DD, both included). Same rules as a dashboard\'s defaultRange.',
})
export class DateRangeInput {
  @Field(() => String, { nullable: true, description: 'A rolling range ending now: a whole number and a unit s, m, h or d, e.g. "30d".' }) last?: string | null;
  @Field(() => String, { nullable: true, description: 'First day of a fixed range, YYYY-MM-DD (UTC).' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of a fixed range, YYYY-MM-DD (UTC), included.' }) to?: string | null;
}

@ObjectType('DateRangeSpec', { description: 'A range as written (in a dashboard file or a URL).' })
export class DateRangeSpecType {
  @Field(() => String, { nullable: true }) last: string | null;
  @Field(() => String, { nullable: true }) from: string | null;
  @Field(() => String, { nullable: true }) to: string | null;
}

@ObjectType('ResolvedDateRange', { description: 'The exact window figures were computed over.' })
export class ResolvedDateRangeType {
  @Field(() => Date, { description: 'Start, included.' }) start: Date;
  @Field(() => Date, { description: 'End, excluded (now, for a rolling range; the day after `to` at 00:00 UTC for a fixed one).' }) end: Date;
  @Field(() => Float) days: number;
  @Field(() => String, { description: 'Plain words, e.g. "Last 30 days" or "1 Sep 2026 – 30 Nov 2026".' }) label: string;
}
