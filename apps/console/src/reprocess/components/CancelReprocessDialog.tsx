import { useId, useState } from 'react';
import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { Dialog } from '@/shared/components/Dialog';
import { describeError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import type { useReprocessControls } from '../hooks/useReprocessControls';
import { messages } from '../reprocessWords';

interface CancelReprocessDialogProps {
  request: Pick<ReprocessRequestDetailFragment, 'id' | 'action' | 'progress'>;
  cancel: ReturnType<typeof useReprocessControls>['cancel'];
  onClose: () => void;
}

/** Says what cancelling does — and does not undo — before it does it. */
export function CancelReprocessDialog({ request, cancel, onClose }: CancelReprocessDialogProps) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const unsent = request.progress.queued + request.progress.dispatched;
  const sent = request.progress.acknowledged + request.progress.succeeded + request.progress.failed;
  return (
    <Dialog
      title={`Cancel request #${request.id}?`}
      onClose={cancel.isPending ? () => undefined : onClose}
      actions={
        <>
          <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.mutate(reason.trim() === '' ? null : reason.trim(), { onSuccess: onClose })}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel the request — stop sending'}
          </Button>
          <Button onClick={onClose} disabled={cancel.isPending}>
            Keep it going
          </Button>
        </>
      }
    >
      <p>Roundhouse stops sending at once.</p>
      <ul>
        <li>
          Up to <span className="strong">{messages(unsent)}</span> not sent yet (queued, or offered and not picked up) go back to waiting: they are pending dead letters in the
          workbench again, and can be reprocessed or discarded later.
        </li>
        {request.action === 'reprocess' ? <li>The {messages(sent)} already sent are not recalled; what their runtime reports about them is still recorded.</li> : null}
      </ul>
      <Field id={reasonId} label="Reason (optional)" hint="Recorded in the audit trail with your name.">
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. NetSuite is failing again" />}
      </Field>
      {cancel.isError ? (
        <Banner tone="error" role="alert">
          Not cancelled: {describeError(cancel.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}
