import type { DeadLetterStatus } from '@/gql/graphql';
import { Badge, type BadgeTone } from '@/shared/components/Badge';
import { DEAD_LETTER_STATUS_LABELS } from '@/shared/format/labels';

const DEAD_LETTER_STATUS_TONES: Record<DeadLetterStatus, BadgeTone> = {
  pending: 'danger',
  reprocessing: 'info',
  reprocessed: 'good',
  resolved: 'good',
  failed_again: 'danger',
  discarded: 'muted',
};

export function DeadLetterStatusBadge({ status }: { status: DeadLetterStatus }) {
  return <Badge tone={DEAD_LETTER_STATUS_TONES[status]}>{DEAD_LETTER_STATUS_LABELS[status]}</Badge>;
}
