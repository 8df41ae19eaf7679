import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const AUTOMATION_HEALTH_STATES = ['paging', 'needs_attention', 'healthy', 'no_runs'] as const;
export type AutomationHealthState = (typeof AUTOMATION_HEALTH_STATES)[number];

export const AutomationHealthStateEnum = Object.fromEntries(AUTOMATION_HEALTH_STATES.map((state) => [state, state])) as { [K in AutomationHealthState]: K };
registerEnumType(AutomationHealthStateEnum, {
  name: 'AutomationHealthState',
  description:
    'paging: an open alert pages the on-call engineer; needs_attention: an open ticket alert, or runs given up on in the last 24 hours; healthy: runs in the last 24 hours and none of that; no_runs: nothing ended in the last 24 hours and no alert is open.',
});

@ObjectType('AutomationStatus', { description: 'How an automation is doing now, for the catalog list: read for a whole page at once.' })
export class AutomationStatusType {
  @Field(() => AutomationHealthStateEnum) health: AutomationHealthState;
  @Field(() => Int, { description: 'Alerts firing or acknowledged.' }) openAlerts: number;
  @Field(() => Int, { description: 'Runs that ended in the last 24 hours.' }) runsLast24h: number;
  @Field(() => Int, { description: 'Runs given up on (failed or dead-lettered) in the last 24 hours.' }) failedLast24h: number;
}
