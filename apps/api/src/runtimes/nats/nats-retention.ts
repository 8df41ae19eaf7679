import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';

const NANOS_PER_MS = 1_000_000;

/** How long a stream keeps what its consumers gave up on, as far as its configuration says. */
export interface NatsRetention {
  /** Kept at most this long (max_age); null: no age limit. */
  maxAgeMs: number | null;
  /** The stream keeps at most this many messages (max_msgs), dropping the oldest (discard old) or refusing new ones; null: no limit. */
  maxCount: number | null;
  maxBytes: number | null;
  /** In words, for the console and alerts. */
  summary: string;
  /** Repeats of one Nats-Msg-Id within this window are dropped: a reprocess resent after a crash later than this is stored twice. */
  duplicateWindowMs: number;
  /** Problems that lose failures before anyone sees them, in words. */
  warnings: string[];
}

function limit(value: number | undefined): number | null {
  return value === undefined || value <= 0 ? null : value;
}

function duration(ms: number): string {
  return ms % 86_400_000 === 0
    ? `${ms / 86_400_000} d`
    : ms % 3_600_000 === 0
      ? `${ms / 3_600_000} h`
      : ms >= 60_000
        ? `${Math.round(ms / 60_000)} min`
        : `${Math.round(ms / 1000)} s`;
}

/** What a stream's configuration means for its failures. */
export function natsRetention(config: Pick<StreamConfig, 'retention' | 'max_age' | 'max_msgs' | 'max_bytes' | 'duplicate_window' | 'discard'>): NatsRetention {
  const maxAgeMs = limit(config.max_age) === null ? null : Math.round(config.max_age / NANOS_PER_MS);
  const maxCount = limit(config.max_msgs);
  const maxBytes = limit(config.max_bytes);
  const warnings: string[] = [];
  if (maxAgeMs !== null) {
    warnings.push(`The stream keeps messages ${duration(maxAgeMs)} (max_age): a failure not reprocessed by then cannot be read again from the stream (Roundhouse keeps its copy).`);
  }
  if (maxCount !== null && config.discard === 'old') {
    warnings.push(`The stream keeps its last ${maxCount} messages (max_msgs): older failures are removed as new messages arrive.`);
  }
  if (config.retention === 'workqueue') {
    warnings.push(
      'The stream uses work-queue retention: a message its consumer terminates is removed at once, so Roundhouse cannot collect it (messages that reach max deliveries stay). Use limits retention to keep both.',
    );
  }
  if (config.retention === 'interest') {
    warnings.push(
      'The stream uses interest retention: a message every consumer acknowledged or terminated is removed, so a terminated message may be gone before Roundhouse reads it. Use limits retention to keep it.',
    );
  }
  const duplicateWindowMs = Math.round((config.duplicate_window ?? 0) / NANOS_PER_MS);
  const kept = [
    maxAgeMs === null ? undefined : `max_age ${duration(maxAgeMs)}`,
    maxCount === null ? undefined : `max_msgs ${maxCount}`,
    maxBytes === null ? undefined : `max_bytes ${maxBytes}`,
  ].filter((part): part is string => part !== undefined);
  return {
    maxAgeMs,
    maxCount,
    maxBytes,
    summary: `JetStream ${config.retention} retention, ${kept.length === 0 ? 'no age or size limit' : kept.join(', ')}; duplicate window ${duration(duplicateWindowMs)}`,
    duplicateWindowMs,
    warnings,
  };
}

/** What `stream` keeps, read from the server now. */
export async function readNatsRetention(manager: JetStreamManager, stream: string): Promise<NatsRetention> {
  return natsRetention((await manager.streams.info(stream)).config);
}
