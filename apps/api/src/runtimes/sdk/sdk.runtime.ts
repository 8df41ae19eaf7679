import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeBinding, RuntimeKind } from '@roundhouse/contracts';
import { sharedBindingProblems, type BindingProblem, type BindingRules } from '../binding-check.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/index.js';
import { ROUNDHOUSE_KEEPS, type RuntimeAdapter, type SourceRetention } from '../runtime-adapter.js';

/**
 * A runtime that reports through the Roundhouse SDK (or ingest API) and pulls its reprocess
 * commands (POST /ingest/v1/commands/claim). Roundhouse neither collects nor sends: this is also
 * the route every other kind falls back to when this api cannot reach its transport.
 */
@Injectable()
export class SdkRuntime implements RuntimeAdapter {
  static readonly kind: RuntimeKind = 'sdk';
  readonly kind: RuntimeKind = SdkRuntime.kind;
  readonly label = 'The Roundhouse SDK';

  constructor(
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
  ) {}

  /** What this instance refuses in a binding of this kind: only what every kind refuses. */
  static validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[] {
    return sharedBindingProblems(binding, rules);
  }

  /** Never through a transport of its own: the SDK pulls. */
  delivers(): boolean {
    return false;
  }

  describeRoute(): string {
    return 'picked up by the runtime through the Roundhouse SDK';
  }

  warning(): string | null {
    return null;
  }

  /** The runtime reported its failures with their bodies: Roundhouse holds what a reprocess sends. */
  retention(): Promise<SourceRetention> {
    return Promise.resolve(ROUNDHOUSE_KEEPS);
  }
}

/** A runtime of a kind Roundhouse has no adapter for: it reports and pulls through the SDK, like `sdk`. */
@Injectable()
export class OtherRuntime extends SdkRuntime {
  static override readonly kind: RuntimeKind = 'other';
  override readonly kind: RuntimeKind = OtherRuntime.kind;
}
