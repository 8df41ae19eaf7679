import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { OutboundGuard } from './outbound-guard.js';

/** The outbound guard every webhook POST goes through, from ROUNDHOUSE_OUTBOUND_ALLOW. */
@Module({
  providers: [{ provide: OutboundGuard, useFactory: (config: AppConfig) => OutboundGuard.fromSetting(config.ROUNDHOUSE_OUTBOUND_ALLOW), inject: [APP_CONFIG] }],
  exports: [OutboundGuard],
})
export class OutboundModule {}
