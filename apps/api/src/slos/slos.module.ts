import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { parseBurnRatePolicy } from '../config/burn-rate-rules.js';
import { BURN_RATE_POLICY } from './burn-rate-policy.js';
import { SlosRepository } from './slos.repository.js';
import { SlosResolver } from './slos.resolver.js';
import { SlosService } from './slos.service.js';

@Module({
  providers: [
    {
      provide: BURN_RATE_POLICY,
      inject: [APP_CONFIG],
      // loadConfig has already refused a policy that cannot be used.
      useFactory: (config: AppConfig) => {
        const parsed = parseBurnRatePolicy(config.ROUNDHOUSE_BURN_RATE_RULES);
        if (!parsed.ok) {
          throw new Error(`ROUNDHOUSE_BURN_RATE_RULES: ${parsed.problems.join('; ')}`);
        }
        return parsed.policy;
      },
    },
    SlosRepository,
    SlosService,
    SlosResolver,
  ],
  exports: [SlosService, BURN_RATE_POLICY],
})
export class SlosModule {}
