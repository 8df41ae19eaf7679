import { Module } from '@nestjs/common';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { OutboundGuard } from '../outbound/outbound-guard.js';
import { RuntimeBindingCheck } from './binding-check.js';
import { RegistryBindingCheck } from './registry.js';

/**
 * The runtime-binding check (RuntimeBindingCheck) over the registry's adapters, for the catalog and
 * the console's automation edits. Apart from RuntimesModule, which itself depends on automations:
 * validating needs only this instance's rules (config and outbound guard are global).
 */
@Module({
  providers: [{ provide: RuntimeBindingCheck, useFactory: (variables: RuntimeVariables, outbound: OutboundGuard) => new RegistryBindingCheck({ variables, outbound }), inject: [RuntimeVariables, OutboundGuard] }],
  exports: [RuntimeBindingCheck],
})
export class RuntimeBindingCheckModule {}
