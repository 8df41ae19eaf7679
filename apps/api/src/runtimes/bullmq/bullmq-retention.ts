import type { SourceRetention } from '../runtime-adapter.js';

/** What a BullMQ queue's failed set keeps (filled in by the retention step). */
export function bullMqRetention(_url: string, _queue: string | null): Promise<SourceRetention> {
  return Promise.resolve({ keeper: 'source', maxAgeMs: 'unknown', maxCount: 'unknown', summary: 'retention unknown' });
}
