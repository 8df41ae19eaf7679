import { useEffect, useId, useState } from 'react';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { InfoTip } from '@/shared/components/InfoTip';
import { REPROCESS_ITEM_STATE_DESCRIPTIONS, REPROCESS_ITEM_STATE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { Panel, PanelHeader, PanelTitle } from '@/shared/ui/Panel';
import { ITEM_STATE_COLOURS, type ProgressRow, finishedCount, formatShare, openCount, progressRows, refetchIntervalFor } from '../reprocessProgress';
import { type PickupSample, addSample, describeTimeRemaining, notPickedUpCount, observedRate, pickedUpCount } from '../reprocessEstimate';
import { messages } from '../reprocessWords';
import { ReprocessProgressChart } from './ReprocessProgressChart';
import styles from './ReprocessProgressPanel.module.css';

type Request = Pick<ReprocessRequestSummaryFragment, 'progress' | 'total' | 'state' | 'canary'>;

function StateCount({ row }: { row: ProgressRow }) {
  const labelId = useId();
  const label = REPROCESS_ITEM_STATE_LABELS[row.state];
  return (
    <div className={styles.state} role="group" aria-labelledby={labelId} data-state={row.state}>
      <span className={styles.label}>
        <span className={styles.swatch} style={{ background: ITEM_STATE_COLOURS[row.state] }} aria-hidden="true" />
        <span id={labelId}>{label}</span> <InfoTip label={`What ${label.toLowerCase()} means`}>{REPROCESS_ITEM_STATE_DESCRIPTIONS[row.state]}</InfoTip>
      </span>
      <span className={styles.value} data-testid="progress-state-count">
        {formatNumber(row.count)}
      </span>
      <span className={styles.share}>{formatShare(row.share)}</span>
    </div>
  );
}

/** How fresh the numbers are: live while the request moves, slower while outcomes are due, final after. */
function freshness(request: Request): string {
  const interval = refetchIntervalFor(request);
  if (interval === false) {
    return 'Final.';
  }
  if (request.state === 'done') {
    return `Sending is done; the runtime has yet to report ${messages(openCount(request.progress))}. Updated every ${interval / 1000} s.`;
  }
  if (request.state === 'awaiting_approval') {
    return `Nothing is sent before approval. Updated every ${interval / 1000} s.`;
  }
  return 'Live: updated every second.';
}

/** Readings of the ledger while the request runs, one per answer from the api; a pause starts the rate afresh. */
function usePickupSamples(request: Request, observedAt: number): PickupSample[] {
  const [samples, setSamples] = useState<PickupSample[]>([]);
  const running = request.state === 'running';
  const pickedUp = pickedUpCount(request.progress);
  useEffect(() => {
    setSamples((previous) => (running ? addSample(previous, { at: observedAt, pickedUp }) : []));
  }, [running, pickedUp, observedAt]);
  return samples;
}

/**
 * While a canary has not decided, the rest is held, not slow: the estimate covers the first slice only,
 * and there is none while the slice waits for the runtime's outcomes (they may never come).
 */
function canaryTimeRemaining(request: Request, rate: number | null): string | null {
  const canary = request.canary;
  if (!canary || (canary.stage !== 'sending' && canary.stage !== 'waiting')) {
    return null;
  }
  const held = `the other ${messages(canary.rest)} are held until the canary decides`;
  if (canary.stage === 'waiting') {
    return `No estimate while the canary waits for the runtime’s outcomes; ${held}.`;
  }
  const sliceLeft = Math.max(0, notPickedUpCount(request.progress) - canary.rest);
  return `First slice: ${describeTimeRemaining(sliceLeft, rate)} Then ${held}.`;
}

/** Time remaining while the request runs, from the pick-up rate seen on this page; "estimating…" until there is one. */
function TimeRemaining({ request, observedAt }: { request: Request; observedAt: number }) {
  const samples = usePickupSamples(request, observedAt);
  if (request.state !== 'running') {
    return null;
  }
  return (
    <p data-testid="progress-remaining" aria-live="off">
      {canaryTimeRemaining(request, observedRate(samples)) ?? describeTimeRemaining(notPickedUpCount(request.progress), observedRate(samples))}
    </p>
  );
}

/** The request's ledger by state: how far it has come, as numbers with their shares and as one bar filling from the left, and the time remaining. */
export function ReprocessProgressPanel({ request, observedAt }: { request: Request; observedAt: number }) {
  const rows = progressRows(request.progress, request.total);
  const finished = finishedCount(request.progress);
  // The ledger may hold more than the snapshot said while it is being written; never show over 100%.
  const whole = Math.max(
    request.total,
    rows.reduce((sum, row) => sum + row.count, 0),
  );
  const share = whole === 0 ? 0 : finished / whole;
  return (
    <Panel aria-labelledby="reprocess-progress-title">
      <PanelHeader>
        <PanelTitle id="reprocess-progress-title">Progress</PanelTitle>
        <p className={`muted ${styles.freshness}`} aria-live="off">
          {freshness(request)}
        </p>
      </PanelHeader>
      <p className={styles.headline} data-testid="progress-headline">
        <span className="strong">{formatNumber(finished)}</span> of {messages(whole)} finished ({formatShare(share)})
      </p>
      <TimeRemaining request={request} observedAt={observedAt} />
      <ReprocessProgressChart request={request} />
      <div className={styles.states}>
        {rows.map((row) => (
          <StateCount key={row.state} row={row} />
        ))}
      </div>
    </Panel>
  );
}
