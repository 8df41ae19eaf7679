import { useId, useState } from 'react';
import { Dialog } from '@/shared/components/Dialog';
import { describeError } from '@/shared/graphql/ApiError';
import { Actions, ActionsReason } from '@/shared/ui/Actions';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';

interface Decision<T> {
  mutate: (text: T, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

interface DecisionActionsProps {
  /** What is decided, for the dialogs' titles: "request #12", "the SLO change to Invoice generation". */
  subject: string;
  /** What approving does, on the confirm button: "Approve — send 240 messages". */
  approveLabel: string;
  canDecide: boolean;
  decideBlockedReason: string | null;
  canReject: boolean;
  /** The viewer asked for it: rejecting withdraws it. */
  ownRequest: boolean;
  approve: Decision<string | null>;
  reject: Decision<string>;
}

interface DialogProps<T> {
  subject: string;
  decision: Decision<T>;
  onClose: () => void;
}

/** Approving, with an optional note. */
function ApproveDialog({ subject, label, decision, onClose }: DialogProps<string | null> & { label: string }) {
  const noteId = useId();
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={`Approve ${subject}?`}
      onClose={decision.isPending ? () => undefined : onClose}
      actions={
        <>
          <Button variant="primary" disabled={decision.isPending} onClick={() => decision.mutate(note.trim() === '' ? null : note.trim(), { onSuccess: onClose })}>
            {decision.isPending ? 'Approving…' : label}
          </Button>
          <Button onClick={onClose} disabled={decision.isPending}>
            Not now
          </Button>
        </>
      }
    >
      <Field id={noteId} label="Note (optional)" hint="Recorded in the audit trail with your name.">
        {(control) => (
          <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} placeholder="e.g. Checked with treasury: the account is open again" />
        )}
      </Field>
      {decision.isError ? (
        <Banner tone="error" role="alert">
          Not approved: {describeError(decision.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}

/** Rejecting (the requester: withdrawing), with the reason, required. */
function RejectDialog({ subject, verb, decision, onClose }: DialogProps<string> & { verb: 'Reject' | 'Withdraw' }) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const done = verb === 'Reject' ? 'rejected' : 'withdrawn';
  return (
    <Dialog
      title={`${verb} ${subject}?`}
      onClose={decision.isPending ? () => undefined : onClose}
      actions={
        <>
          <Button variant="danger" disabled={decision.isPending || reason.trim().length < 3} onClick={() => decision.mutate(reason.trim(), { onSuccess: onClose })}>
            {decision.isPending ? `${verb === 'Reject' ? 'Rejecting' : 'Withdrawing'}…` : `${verb} — nothing is applied`}
          </Button>
          <Button onClick={onClose} disabled={decision.isPending}>
            Not now
          </Button>
        </>
      }
    >
      <Field id={reasonId} label="Reason" required hint="Why, in a few words. It is recorded in the audit trail with your name.">
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Half of these are duplicates" />}
      </Field>
      {decision.isError ? (
        <Banner tone="error" role="alert">
          Not {done}: {describeError(decision.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}

/**
 * Approve (with an optional note) and Reject (with the reason, required) of something that waits
 * for a second person. Approve is disabled with the reason when the viewer may not approve; the
 * requester sees Withdraw instead of Reject.
 */
export function DecisionActions({ subject, approveLabel, canDecide, decideBlockedReason, canReject, ownRequest, approve, reject }: DecisionActionsProps) {
  const [open, setOpen] = useState<'approve' | 'reject' | null>(null);
  const blockedId = useId();
  const rejectVerb = ownRequest ? 'Withdraw' : 'Reject';
  const close = () => {
    setOpen(null);
    approve.reset();
    reject.reset();
  };
  const pending = approve.isPending || reject.isPending;
  const blocked = canDecide ? null : decideBlockedReason;

  return (
    <Actions role="group" aria-label={`Decide on ${subject}`}>
      <Button variant="primary" disabled={!canDecide || pending} title={blocked ?? undefined} aria-describedby={blocked ? blockedId : undefined} onClick={() => setOpen('approve')}>
        Approve…
      </Button>
      {canReject ? (
        <Button variant="danger-quiet" disabled={pending} onClick={() => setOpen('reject')}>
          {rejectVerb}…
        </Button>
      ) : null}
      {blocked ? <ActionsReason id={blockedId}>{blocked}</ActionsReason> : null}
      {open === 'approve' ? <ApproveDialog subject={subject} label={approveLabel} decision={approve} onClose={close} /> : null}
      {open === 'reject' ? <RejectDialog subject={subject} verb={rejectVerb} decision={reject} onClose={close} /> : null}
    </Actions>
  );
}
