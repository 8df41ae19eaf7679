import type { RuntimeBinding } from '@roundhouse/contracts';

/**
 * The automations bound to a runtime kind, for the collectors and the retention warnings. Runtimes own
 * this port and the automations feature provides it (AutomationsService, bound in AppModule):
 * automations/ imports runtimes/ (RuntimeBindingCheck), so runtimes/ imports nothing of automations/.
 */
export abstract class BoundAutomations {
  abstract withRuntime(kind: string): Promise<{ slug: string; runtime: RuntimeBinding | null }[]>;
}
