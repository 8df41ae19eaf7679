import { tokenState } from '../runtime-token.js';
import type { RuntimeToken } from '../runtime-token-row.js';
import type { RuntimeTokenType } from './runtime-token.type.js';

export function toRuntimeTokenType({ secretHash: _hash, ...token }: RuntimeToken, now = new Date()): RuntimeTokenType {
  return { ...token, state: tokenState(token, now) };
}
