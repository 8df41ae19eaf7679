import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { NotSignedInError } from '../errors/domain-errors.js';
import type { AlertState } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { toAlert } from './dto/alert.mapper.js';
import { AlertStateEnum, AlertType } from './dto/alert.type.js';

@Resolver(() => AlertType)
export class AlertsResolver {
  constructor(@Inject(AlertsService) private readonly service: AlertsService) {}

  @RequirePermission('catalog:read')
  @Query(() => [AlertType], { description: 'SLO alerts, newest first: open ones (firing or acknowledged) unless other states are asked for.' })
  async alerts(
    @Args('automation', { type: () => String, nullable: true, description: 'Only this automation’s, by slug.' }) automation: string | undefined,
    @Args('state', { type: () => [AlertStateEnum], nullable: true, description: 'Defaults to firing and acknowledged.' }) state: AlertState[] | undefined,
    @Args('teams', { type: () => [String], nullable: true, description: 'Only alerts of automations these teams own (e.g. the viewer’s teams: "my teams").' })
    teams: string[] | undefined,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'At most this many (1–200).' }) first: number,
    @CurrentUser() user: User | undefined,
  ): Promise<AlertType[]> {
    return (await this.service.list({ automation: automation ?? undefined, teams: teams ?? undefined, states: state ?? undefined, first })).map((row) =>
      toAlert(row, AlertsService.acknowledgeBlockedReason(row, user)),
    );
  }

  @RequirePermission('alert:acknowledge')
  @Mutation(() => AlertType, {
    description: 'Say that you are on it. Operators and owners (their teams’ automations) and admins. Acknowledging twice, or a resolved alert, changes nothing.',
  })
  async acknowledgeAlert(
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true, description: 'What you are doing about it (kept in its history).' }) note: string | undefined,
    @CurrentUser() user: User | undefined,
  ): Promise<AlertType> {
    if (user === undefined) {
      throw new NotSignedInError();
    }
    const alert = await this.service.acknowledge(id, user, note ?? undefined);
    return toAlert(alert, AlertsService.acknowledgeBlockedReason(alert, user));
  }
}
