import { Inject } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FIELD_COST } from '../common/graphql/field-costs.js';
import { DeadLettersService } from '../dead-letters/index.js';
import { ReprocessRequestType } from './dto/reprocess.type.js';

/** On each reprocess request: how many of the dead letters it sent back failed again, as the workbench lists them. */
@Resolver(() => ReprocessRequestType)
export class RequestFailedAgainResolver {
  constructor(@Inject(DeadLettersService) private readonly deadLetters: DeadLettersService) {}

  @ResolveField(() => Int, {
    complexity: FIELD_COST.reprocessFailedAgain,
    description: 'Dead letters it sent back that failed again and wait for a decision: the workbench with reprocessRequest and status failed_again lists exactly these.',
  })
  failedAgain(@Parent() request: ReprocessRequestType): Promise<number> {
    return this.deadLetters.count({ reprocessRequest: request.id, status: 'failed_again' });
  }
}
