import type { TokenCapability } from '@roundhouse/contracts';

/** A runtime that presented a valid token: what it may do, and for which automations. */
export interface RuntimeIdentity {
  tokenId: string;
  name: string;
  team: string;
  /** `all`: every automation of the team; otherwise the ones the token names. Either way see `covers` (tokens/). */
  automations: 'all' | readonly string[];
  capabilities: TokenCapability[];
}

/** Why a bearer token was refused: said to the runtime in the 401. */
export type RuntimeRefusal = 'missing' | 'unknown' | 'revoked' | 'expired';

/** The runtime behind a bearer token, or why it was refused, in a sentence for the runtime's logs. */
export type RuntimeAuthentication = { runtime: RuntimeIdentity; refusal?: undefined } | { runtime?: undefined; refusal: RuntimeRefusal; message: string };
