import { Module } from '@nestjs/common';
import { OutboundModule, OutboundGuard } from '../outbound/index.js';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { RuntimeBindingCheck } from './binding-check.js';
import { RegistryBindingCheck } from './registry.js';

/**
 * The runtime-binding check (RuntimeBindingCheck) over the registry's adapters, for the catalog and
 * the console's automation edits. Apart from RuntimesModule, which itself depends on automations:
 * validating needs only this instance's rules (config is global, the outbound guard comes from OutboundModule).
 */
@Module({
  imports: [OutboundModule],
  providers: [
    {
      provide: RuntimeBindingCheck,
      useFactory: (variables: RuntimeVariables, outbound: OutboundGuard) => new RegistryBindingCheck({ variables, outbound }),
      inject: [RuntimeVariables, OutboundGuard],
    },
  ],
  exports: [RuntimeBindingCheck],
})
export class RuntimeBindingCheckModule {}
