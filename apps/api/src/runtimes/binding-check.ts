import type { RuntimeBinding } from '@roundhouse/contracts';
import { ALLOWED_RUNTIME_VARIABLES, type RuntimeVariables } from '../config/runtime-variables.js';
import { OUTBOUND_ALLOW_SETTING } from '../config/outbound-allow.js';
import type { OutboundGuard } from '../outbound/index.js';

/** One field of a runtime binding this instance refuses, in the words of a catalog problem. */
export interface BindingProblem {
  field: 'connection' | 'signingSecret' | 'reprocessUrl';
  found: string;
  allowed: string;
}

/** This instance's rules for runtime bindings: the variables catalogs may name, the addresses webhooks may reach. */
export interface BindingRules {
  readonly variables: RuntimeVariables;
  readonly outbound: OutboundGuard;
}

/**
 * What this instance refuses in a runtime binding the contract accepts, asked of the adapter of the
 * binding's kind (runtimes/registry.ts). The catalog (files) and the console (GraphQL) both ask
 * this port, so both doors hold the same rules; it imports no adapter, so they can depend on it
 * without depending on every transport.
 */
export abstract class RuntimeBindingCheck {
  abstract problems(runtime: RuntimeBinding | null | undefined): BindingProblem[];
}

/**
 * The rules every kind shares: environment variables a catalog may not name, and a reprocess
 * webhook whose host is a non-public address (or a `localhost` name) that ROUNDHOUSE_OUTBOUND_ALLOW
 * does not name. Host names are resolved only when a webhook is sent: nothing here touches the network.
 */
export function sharedBindingProblems(runtime: RuntimeBinding, { variables, outbound }: BindingRules): BindingProblem[] {
  const problems: BindingProblem[] = [];
  for (const field of ['connection', 'signingSecret'] as const) {
    const name = runtime[field];
    const refused = name === undefined ? undefined : variables.refusal(name);
    if (refused !== undefined) {
      problems.push({ field, found: `${JSON.stringify(name)}, ${refused}`, allowed: ALLOWED_RUNTIME_VARIABLES });
    }
  }
  if (runtime.reprocessUrl !== undefined && URL.canParse(runtime.reprocessUrl)) {
    const refused = outbound.literalProblem(new URL(runtime.reprocessUrl));
    if (refused !== undefined) {
      problems.push({ field: 'reprocessUrl', found: refused, allowed: `a URL whose host has a public address, or one ${OUTBOUND_ALLOW_SETTING} names` });
    }
  }
  return problems;
}
