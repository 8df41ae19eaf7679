import { tokenState } from '../runtime-token.js';
import type { RuntimeTokenEntity } from '../runtime-token.entity.js';
import type { RuntimeTokenType } from './runtime-token.type.js';

export function toRuntimeTokenType({ secretHash: _hash, ...token }: RuntimeTokenEntity, now = new Date()): RuntimeTokenType {
  return { ...token, state: tokenState(token, now) };
}
