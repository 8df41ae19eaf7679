/**
 * Which team owns each automation, for scoping a token to automations. Tokens own this port and the
 * automations feature provides it (AutomationsService, bound in AppModule), so tokens/ imports nothing
 * of automations/, which moves tokens with its automations (TokenCoverage).
 */
export abstract class AutomationOwners {
  /** The owning team of each known automation among `slugs`. */
  abstract ownersOf(slugs: readonly string[]): Promise<Map<string, string>>;
}
