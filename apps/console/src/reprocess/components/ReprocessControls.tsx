import { useState } from 'react';
import { useViewer } from '@/auth/hooks/useViewer';
import type { ReprocessRequestDetailFragment, Role } from '@/gql/graphql';
import { ROLE_LABELS } from '@/shared/format/labels';
import { describeError } from '@/shared/graphql/ApiError';
import { Actions, ActionsReason } from '@/shared/ui/Actions';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { useReprocessControls } from '../hooks/useReprocessControls';
import { CancelReprocessDialog } from './CancelReprocessDialog';
import styles from './ReprocessRequestPage.module.css';

const BLOCKED_ID = 'reprocess-controls-blocked';

/** Why the viewer may not pause, resume or cancel this request. */
export function controlBlockedReason(role: Role | undefined, automations: readonly string[]): string {
  if (role === 'viewer') {
    return `Your role (${ROLE_LABELS.viewer}) cannot pause, resume or cancel reprocess requests.`;
  }
  return `Only people on the team that owns ${automations.join(', ')} (or an admin) can pause, resume or cancel this request.`;
}

/** Pause or resume, and cancel (after saying what it does); disabled with the reason for people who may not. */
export function ReprocessControls({ request }: { request: ReprocessRequestDetailFragment }) {
  const controls = useReprocessControls(request.id);
  const viewer = useViewer();
  const [confirmCancel, setConfirmCancel] = useState(false);
  if (request.state !== 'running' && request.state !== 'paused') {
    return null;
  }
  const blocked = request.canControl ? null : controlBlockedReason(viewer.data?.viewer.role, request.automations);
  const busy = controls.pause.isPending || controls.resume.isPending || controls.cancel.isPending;
  const disabledProps = blocked ? { disabled: true, title: blocked, 'aria-describedby': BLOCKED_ID } : { disabled: busy };
  const failed = controls.pause.error ?? controls.resume.error;

  return (
    <div className={`stack ${styles.controls}`}>
      <Actions role="group" aria-label="Control this request">
        {request.state === 'running' ? (
          <Button {...disabledProps} onClick={() => controls.pause.mutate(null)}>
            {controls.pause.isPending ? 'Pausing…' : 'Pause'}
          </Button>
        ) : (
          <Button variant="primary" {...disabledProps} onClick={() => controls.resume.mutate(null)}>
            {controls.resume.isPending ? 'Resuming…' : 'Resume'}
          </Button>
        )}
        <Button variant="danger-quiet" {...disabledProps} onClick={() => setConfirmCancel(true)}>
          Cancel…
        </Button>
        {blocked ? <ActionsReason id={BLOCKED_ID}>{blocked}</ActionsReason> : null}
      </Actions>
      {failed ? (
        <Banner tone="error" role="alert">
          {controls.pause.error ? 'Not paused' : 'Not resumed'}: {describeError(failed)}
        </Banner>
      ) : null}
      {confirmCancel ? <CancelReprocessDialog request={request} cancel={controls.cancel} onClose={() => setConfirmCancel(false)} /> : null}
    </div>
  );
}
