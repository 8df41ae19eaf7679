import type { RuntimeBinding } from '@roundhouse/contracts';

/** Where a reprocess on a NATS JetStream binding delivers to, in words for the person confirming (never a secret). */
export function describeNatsRoute(runtime: RuntimeBinding | null): string {
  const stream = runtime?.stream === undefined ? 'its stream' : `stream "${runtime.stream}"`;
  return `republished to NATS JetStream (${stream}, each message on the subject it was first published to; a repeat within the stream's duplicate window is dropped)`;
}

/**
 * What a NATS JetStream binding lacks for Roundhouse to collect and send back its failures, in words
 * (empty when nothing is missing). The connection variable's value is checked where it is read.
 */
export function natsBindingGaps(runtime: RuntimeBinding): string[] {
  const gaps: string[] = [];
  if (runtime.stream === undefined || runtime.consumer === undefined) {
    gaps.push(`The binding names no ${runtime.stream === undefined ? 'stream' : 'consumer'}, so the messages its consumer gives up on are not collected.`);
  }
  if (runtime.connection === undefined) {
    gaps.push('The binding names no connection variable (the NATS server URL), so Roundhouse can neither collect its failures nor send them back.');
  }
  return gaps;
}
