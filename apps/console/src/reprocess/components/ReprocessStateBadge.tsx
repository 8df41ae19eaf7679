import type { ReprocessItemState, ReprocessRequestState } from '@/gql/graphql';
import { Badge, type BadgeTone } from '@/shared/components/Badge';
import { REPROCESS_ITEM_STATE_DESCRIPTIONS, REPROCESS_ITEM_STATE_LABELS, REPROCESS_REQUEST_STATE_LABELS } from '@/shared/format/labels';

const REQUEST_STATE_TONES: Record<ReprocessRequestState, BadgeTone> = {
  requested: 'info',
  awaiting_approval: 'caution',
  running: 'info',
  paused: 'caution',
  cancelled: 'muted',
  done: 'good',
};

export function ReprocessStateBadge({ state }: { state: ReprocessRequestState }) {
  return <Badge tone={REQUEST_STATE_TONES[state]}>{REPROCESS_REQUEST_STATE_LABELS[state]}</Badge>;
}

const ITEM_STATE_TONES: Record<ReprocessItemState, BadgeTone> = {
  queued: 'neutral',
  dispatched: 'info',
  acknowledged: 'info',
  succeeded: 'good',
  failed: 'danger',
  cancelled: 'muted',
};

/** One message's place in a request's ledger; hovering says what it means. */
export function ReprocessItemStateBadge({ state }: { state: ReprocessItemState }) {
  return (
    <Badge tone={ITEM_STATE_TONES[state]} title={REPROCESS_ITEM_STATE_DESCRIPTIONS[state]}>
      {REPROCESS_ITEM_STATE_LABELS[state]}
    </Badge>
  );
}
