import type { ReprocessAction } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';

export function messages(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'message' : 'messages'}`;
}

/** The confirm button: what it does, and to how many — "Reprocess 1,234 messages", "Discard 12 messages — they will not be retried". */
export function confirmLabel(action: ReprocessAction, count: number): string {
  switch (action) {
    case 'reprocess':
      return `Reprocess ${messages(count)}`;
    case 'discard':
      return `Discard ${messages(count)} — ${count === 1 ? 'it' : 'they'} will not be retried`;
  }
}

/** The sentence above the preview: what happens to the counted dead letters. */
export function previewSentence(action: ReprocessAction, count: number): string {
  const subject = `${formatNumber(count)} ${count === 1 ? 'dead letter' : 'dead letters'}`;
  switch (action) {
    case 'reprocess':
      return `${subject} will be sent back to ${count === 1 ? 'its runtime' : 'their runtimes'}, at the pace you set below.`;
    case 'discard':
      return `${subject} will be set aside as discarded. Nothing is sent, and ${count === 1 ? 'it' : 'they'} will not be retried.`;
  }
}
