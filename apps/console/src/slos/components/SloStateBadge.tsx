import type { SloState } from '@/gql/graphql';
import { Badge } from '@/shared/components/Badge';
import { SLO_STATE_DESCRIPTIONS, SLO_STATE_LABELS, SLO_STATE_TONES } from '../sloWords';

export function SloStateBadge({ state }: { state: SloState }) {
  return (
    <Badge tone={SLO_STATE_TONES[state]} title={SLO_STATE_DESCRIPTIONS[state]}>
      {SLO_STATE_LABELS[state]}
    </Badge>
  );
}
