import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { describeError } from '@/shared/graphql/ApiError';
import { Actions } from '@/shared/ui/Actions';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { useReprocessControls } from '../hooks/useReprocessControls';
import { CANARY_STAGE_LABELS, restWords, sliceOutcomes, sliceVerdict } from '../reprocessCanary';
import { messages } from '../reprocessWords';
import styles from './ReprocessCanaryStages.module.css';

/**
 * A request started with a canary, in its stages and in order: the first slice (sent, the runtime's
 * outcomes, the decision with its reason), then the rest. While the canary waits, people who may
 * control the request can send the rest without the missing outcomes.
 */
export function ReprocessCanaryStages({ request }: { request: ReprocessRequestDetailFragment }) {
  const controls = useReprocessControls(request.id);
  const canary = request.canary;
  if (!canary) {
    return null;
  }
  const open = canary.decision === null && (request.state === 'running' || request.state === 'paused');
  return (
    <Panel aria-labelledby="reprocess-stages-title">
      <PanelTitle id="reprocess-stages-title">Stages</PanelTitle>
      <ol className={styles.stages}>
        <li className={styles.stage} data-stage="canary" data-outcome={canary.stage} aria-label="Canary">
          <h3>
            1. Canary: the first {messages(canary.size)} — <span className="strong">{CANARY_STAGE_LABELS[canary.stage]}</span>
          </h3>
          <p>{sliceOutcomes(canary)}</p>
          <p data-testid="canary-verdict" role={canary.decision ? 'status' : undefined}>
            {sliceVerdict(canary)}
          </p>
          {open && canary.stage === 'waiting' && request.canControl ? (
            <Actions>
              <Button disabled={controls.continueCanary.isPending} onClick={() => controls.continueCanary.mutate(null)}>
                {controls.continueCanary.isPending ? 'Sending the rest…' : `Send the other ${messages(canary.rest)} without waiting`}
              </Button>
            </Actions>
          ) : null}
          {controls.continueCanary.error ? (
            <Banner tone="error" role="alert">
              The rest was not sent: {describeError(controls.continueCanary.error)}
            </Banner>
          ) : null}
        </li>
        <li className={styles.stage} data-stage="rest" aria-label="The rest">
          <h3>2. The rest: {messages(canary.rest)}</h3>
          <p>{restWords(canary, request.state)}</p>
        </li>
      </ol>
    </Panel>
  );
}
