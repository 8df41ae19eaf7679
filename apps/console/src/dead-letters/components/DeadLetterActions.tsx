import { useState } from 'react';
import { useDeadLetterAccess } from '@/auth/hooks/useDeadLetterAccess';
import { useAutomation } from '@/automation/hooks/useAutomation';
import type { DeadLetterStatus, ReprocessAction } from '@/gql/graphql';
import { ReprocessDialog } from '@/reprocess/components/ReprocessDialog';
import { Actions, ActionsReason } from '@/shared/ui/Actions';
import { Button } from '@/shared/ui/Button';

const BLOCKED_ID = 'dead-letter-actions-blocked';

/** Why this one message cannot be reprocessed or discarded in its state, or null when it can. */
export function statusBlockedReason(status: DeadLetterStatus): string | null {
  switch (status) {
    case 'pending':
    case 'failed_again':
    case 'reprocessed':
      return null;
    case 'reprocessing':
      return 'It is already waiting in a reprocess request that has not finished (see its history below).';
    case 'resolved':
      return 'It is resolved: a reprocess of it succeeded.';
    case 'discarded':
      return 'It was discarded.';
  }
}

interface DeadLetterActionsProps {
  id: string;
  status: DeadLetterStatus;
  automation: string;
}

/** Reprocess or discard this one message, through the same dialog as a selection; disabled with the reason for people who may not. */
export function DeadLetterActions({ id, status, automation }: DeadLetterActionsProps) {
  const [action, setAction] = useState<ReprocessAction | null>(null);
  const access = useDeadLetterAccess();
  const owner = useAutomation(automation).data?.automation.owner.name;
  const blockedReason = access.blockedReason(owner) ?? statusBlockedReason(status);
  const blocked = blockedReason ? { disabled: true, title: blockedReason, 'aria-describedby': BLOCKED_ID } : {};
  return (
    <Actions>
      <Button variant="primary" {...blocked} onClick={() => setAction('reprocess')}>
        Reprocess
      </Button>
      <Button variant="danger-quiet" {...blocked} onClick={() => setAction('discard')}>
        Discard
      </Button>
      {blockedReason ? <ActionsReason id={BLOCKED_ID}>{blockedReason}</ActionsReason> : null}
      {action ? <ReprocessDialog action={action} selection={{ ids: [id] }} scope={`dead letter #${id}`} onClose={() => setAction(null)} /> : null}
    </Actions>
  );
}
