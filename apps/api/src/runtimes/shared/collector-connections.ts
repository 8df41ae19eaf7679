import type { Logger } from 'pino';
import type { RuntimeVariables } from '../../config/runtime-variables.js';

/** One catalog binding a collector could follow: whose it is, the variable naming its connection, what to log it by. */
export interface FoundBinding<B> {
  automation: string;
  connection: string | undefined;
  /** What the log names besides the automation (its queue, its stream). */
  where: Record<string, string>;
  bind: (url: string) => B;
}

/**
 * Reads the connection of each binding a collector follows. A variable catalogs may not name is not
 * read: that automation is not collected, and the log says why once, until the reason changes.
 */
export class CollectorConnections {
  private readonly said = new Map<string, string>();

  constructor(
    private readonly variables: RuntimeVariables,
    private readonly log: Logger,
  ) {}

  /** One pass over the catalog: the bindings whose connection variable is set here, in order. */
  resolve<B>(found: readonly FoundBinding<B>[]): B[] {
    const bindings: B[] = [];
    const refused = new Map<string, string>();
    for (const { automation, connection, where, bind } of found) {
      const url = this.variables.lookup(connection);
      if (url.state === 'refused') {
        refused.set(automation, url.reason);
        if (this.said.get(automation) !== url.reason) {
          this.log.warn({ automation, ...where }, `not collecting: the runtime binding's connection names a variable catalogs may not name (${url.reason}), so it was not read`);
        }
      } else if (url.state === 'set') {
        bindings.push(bind(url.value));
      }
    }
    this.said.clear();
    refused.forEach((reason, automation) => this.said.set(automation, reason));
    return bindings;
  }
}
