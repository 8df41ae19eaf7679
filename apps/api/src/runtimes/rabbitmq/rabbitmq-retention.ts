import type { SourceRetention } from '../runtime-adapter.js';

/** What a RabbitMQ dead-letter queue keeps (filled in by the retention step). */
export function rabbitMqRetention(_url: string, _queue: string | null): Promise<SourceRetention> {
  return Promise.resolve({ keeper: 'source', maxAgeMs: 'unknown', maxCount: 'unknown', summary: 'retention unknown' });
}
