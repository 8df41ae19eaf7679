import { Link } from 'react-router';
import { RunError } from '@/shared/components/RunError';
import { RunDuration } from '@/runs/components/RunsTable';
import { RunStatusBadge } from '@/shared/components/Badge';
import { Timeline, TimelineItem, type TimelineMarker } from '@/shared/components/Timeline';
import { formatInstant } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { stepsOf, type TrailRun, type TrailStep } from '../trailTimes';
import styles from './TrailTimeline.module.css';

/** A run's dot on the line says how it ended. */
const MARKERS: Record<TrailRun['status'], TimelineMarker> = {
  succeeded: 'good',
  failed: 'danger',
  dead_lettered: 'danger',
  retrying: 'caution',
  running: 'accent',
};

/** The steps inside one attempt (OpenTelemetry child spans), in the order they started. */
function RunSteps({ run, steps }: { run: TrailRun; steps: readonly TrailStep[] }) {
  if (steps.length === 0) {
    return null;
  }
  return (
    <ol className={styles.steps} aria-label={`Steps of ${run.automation.title}, attempt ${run.attempt}`}>
      {steps.map((step) => (
        <li key={step.stepId} className={step.outcome === 'failed' ? styles.failedStep : undefined}>
          <span className="strong">{step.name}</span>{' '}
          <span className="muted">
            {step.outcome === 'failed' ? 'failed' : 'succeeded'} · {formatDuration(step.durationMs)}
          </span>
          {step.errorMessage ? <span className={styles.stepError}> — {step.errorMessage}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Every run of the transaction, top to bottom in the order they started, each with its steps. */
export function TrailTimeline({ runs, steps = [] }: { runs: readonly TrailRun[]; steps?: readonly TrailStep[] }) {
  return (
    <Timeline label="Runs in time order">
      {runs.map((run) => (
        <TimelineItem
          key={`${run.automation.slug}/${run.runId}/${run.attempt}`}
          data-run-id={run.runId}
          marker={MARKERS[run.status]}
          heading={
            <>
              <Link className="strong" to={`/automations/${run.automation.slug}/runs`}>
                {run.automation.title}
              </Link>{' '}
              <RunStatusBadge status={run.status} /> <span className="muted">attempt {run.attempt}</span>
            </>
          }
        >
          <dl className={styles.facts}>
            <div>
              <dt>Started</dt>
              <dd>
                <time dateTime={run.startedAt}>{formatInstant(run.startedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Finished</dt>
              <dd>{run.finishedAt ? <time dateTime={run.finishedAt}>{formatInstant(run.finishedAt)}</time> : <span className="muted">not yet</span>}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>
                <RunDuration run={run} />
              </dd>
            </div>
            <div>
              <dt>Run id</dt>
              <dd>
                <code>{run.runId}</code>
              </dd>
            </div>
          </dl>
          {run.errorClass || run.errorMessage ? <RunError errorClass={run.errorClass} errorMessage={run.errorMessage} /> : null}
          {run.manualTouch ? <p className="muted">A person had to step in for this run.</p> : null}
          <RunSteps run={run} steps={stepsOf(run, steps)} />
        </TimelineItem>
      ))}
    </Timeline>
  );
}
