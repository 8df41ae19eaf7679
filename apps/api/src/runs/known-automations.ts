import type { User } from '../auth/index.js';

/**
 * An automation the caller may see, or NotFoundError: asked before listing its runs. Runs own this port
 * and the automations feature provides it (AutomationsService, bound in AppModule), so runs/ imports
 * nothing of automations/.
 */
export abstract class KnownAutomations {
  abstract get(slug: string, user: User | undefined): Promise<unknown>;
}
