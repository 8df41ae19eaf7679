import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlertSeverityEnum, SloRunbookType } from '../../slos/dto/slo-status.type.js';
import { ALERT_STATES, type AlertSeverity, type AlertState } from '../alerts.repository.js';

export const AlertStateEnum = Object.fromEntries(ALERT_STATES.map((s) => [s, s])) as { [K in AlertState]: K };
registerEnumType(AlertStateEnum, {
  name: 'AlertState',
  description: 'Where an alert is in its life.',
  valuesMap: {
    firing: { description: 'The burn-rate rule fires and nobody has said they are on it.' },
    acknowledged: { description: 'Someone on call has it; it still fires until the burn rate falls.' },
    resolved: { description: 'The burn rate fell below the rule’s threshold (or the SLO was removed).' },
  },
});

@ObjectType('AlertEvent', { description: 'One step in an alert’s history.' })
export class AlertEventType {
  @Field(() => Date) at: Date;
  @Field(() => String, { description: 'fired | acknowledged | resolved | notified | notification_failed' }) kind: string;
  @Field(() => String, { nullable: true, description: 'Who, for a person’s action; empty for the evaluator.' }) actor: string | null;
  @Field(() => String, { nullable: true, description: 'What happened, in words (the note given on acknowledge, why it resolved, why a notification failed).' }) detail:
    string | null;
}

@ObjectType('Alert', { description: 'An SLO alert: a burn-rate rule that fired for one automation’s SLO, and the runbook that answers it.' })
export class AlertType {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'The automation, by slug.' }) automation: string;
  @Field(() => String) automationTitle: string;
  @Field(() => String, { description: 'The SLO, by name.' }) slo: string;
  @Field(() => String, { description: 'The promise in plain words.' }) sloTitle: string;
  @Field(() => String, { description: 'The burn-rate rule that fired, e.g. "fast-burn".' }) rule: string;
  @Field(() => AlertSeverityEnum) severity: AlertSeverity;
  @Field(() => AlertStateEnum) state: AlertState;
  @Field(() => String, { description: 'What is happening, in plain words, with the burn rates as last evaluated.' }) summary: string;
  @Field(() => Date) firedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Who acknowledged it.' }) acknowledgedBy: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => SloRunbookType, { nullable: true, description: 'The runbook that answers this alert (the catalog requires one for production automations).' })
  runbook: SloRunbookType | null;
  @Field(() => [AlertEventType], { description: 'Its history, oldest first.' }) events: AlertEventType[];
  @Field(() => String, { nullable: true, description: 'Why the signed-in person cannot acknowledge it now, in a sentence; empty when they can.' }) acknowledgeBlockedReason:
    string | null;
}
