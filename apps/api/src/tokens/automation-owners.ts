/**
 * Which team owns each automation, for scoping a token to automations. Tokens own this port and the
 * automations feature provides it (AutomationsService, bound in AppModule): automations/ imports tokens/
 * (TokenCoverage follows an automation to its new team), so tokens/ imports nothing of automations/.
 */
export abstract class AutomationOwners {
  /** The owning team of each known automation among `slugs`. */
  abstract ownersOf(slugs: readonly string[]): Promise<Map<string, string>>;
}
