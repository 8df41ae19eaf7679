import type { RuntimeBinding } from '@roundhouse/contracts';
import type { ReprocessAction, Route } from '../reprocess/index.js';
import type { RuntimeAdapter, RuntimeCollector, RuntimeDispatcher } from './runtime-adapter.js';

/**
 * The registered runtime adapters, by kind, and the reprocess routes they make. A route is the
 * kind whose own transport sends a message back, or 'sdk' (the runtime pulls it), or 'discard'.
 */
export class Runtimes {
  private readonly byKind: ReadonlyMap<string, RuntimeAdapter>;

  constructor(adapters: readonly RuntimeAdapter[]) {
    this.byKind = new Map(adapters.map((adapter) => [adapter.kind, adapter]));
  }

  adapter(kind: string | undefined): RuntimeAdapter | undefined {
    return kind === undefined ? undefined : this.byKind.get(kind);
  }

  all(): RuntimeAdapter[] {
    return [...this.byKind.values()];
  }

  collectors(): RuntimeCollector[] {
    return this.all().flatMap((adapter) => (adapter.collector === undefined ? [] : [adapter.collector]));
  }

  /**
   * How a dead letter goes back to its runtime: through its kind's own transport when this api can
   * reach it (e.g. the broker it came from, the runtime's reprocess webhook), or else as a command
   * the runtime's SDK pulls. Discards go nowhere.
   */
  route(action: ReprocessAction, runtime: RuntimeBinding | null, sourceKind: string): Route {
    if (action === 'discard') {
      return 'discard';
    }
    const adapter = this.adapter(runtime?.kind);
    return runtime !== null && adapter?.dispatcher !== undefined && adapter.delivers(runtime, sourceKind) ? (adapter.kind as Route) : 'sdk';
  }

  /** Where a route delivers to, in words for the person confirming (never a secret). */
  describeRoute(route: Route, runtime: RuntimeBinding | null): string {
    if (route === 'discard') {
      return 'set aside as discarded; nothing is sent';
    }
    return this.adapter(route)?.describeRoute(runtime) ?? `sent through ${route}`;
  }

  /** What will stop a route from delivering, if anything (checked again at dispatch). */
  routeWarning(route: Route, runtime: RuntimeBinding | null): string | null {
    if (route === 'discard') {
      return null;
    }
    return this.adapter(runtime?.kind)?.warning(route === 'sdk' ? 'sdk' : 'own', runtime) ?? null;
  }

  /** The dispatcher of a route that sends itself (not 'sdk' or 'discard'). */
  dispatcher(route: Route): RuntimeDispatcher | undefined {
    return this.adapter(route)?.dispatcher;
  }

  /** A route's transport, to start a sentence ("RabbitMQ is unreachable"). */
  label(route: Route): string {
    return this.adapter(route)?.label ?? route;
  }

  async close(): Promise<void> {
    await Promise.all(this.all().flatMap((adapter) => (adapter.dispatcher === undefined ? [] : [adapter.dispatcher.close()])));
  }
}
