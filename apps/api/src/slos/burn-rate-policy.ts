/** Injection token for the burn-rate policy every SLO is evaluated with (`ROUNDHOUSE_BURN_RATE_RULES`, read by config/burn-rate-rules.ts). */
export const BURN_RATE_POLICY = Symbol('BURN_RATE_POLICY');
