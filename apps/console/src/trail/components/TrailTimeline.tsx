import { Link } from 'react-router';
import { RunError } from '@/shared/components/RunError';
import { RunDuration } from '@/runs/components/RunsTable';
import { RunStatusBadge } from '@/shared/components/Badge';
import { formatInstant } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { stepsOf, type TrailRun, type TrailStep } from '../trailTimes';

/** The steps inside one attempt (OpenTelemetry child spans), in the order they started. */
function RunSteps({ run, steps }: { run: TrailRun; steps: readonly TrailStep[] }) {
  if (steps.length === 0) {
    return null;
  }
  return (
    <ol className="trail-steps" aria-label={`Steps of ${run.automation.title}, attempt ${run.attempt}`}>
      {steps.map((step) => (
        <li key={step.stepId} className={`trail-steps__item trail-steps__item--${step.outcome}`}>
          <span className="strong">{step.name}</span> <span className="muted">{step.outcome === 'failed' ? 'failed' : 'succeeded'} · {formatDuration(step.durationMs)}</span>
          {step.errorMessage ? <span className="trail-steps__error"> — {step.errorMessage}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Every run of the transaction, top to bottom in the order they started, each with its steps. */
export function TrailTimeline({ runs, steps = [] }: { runs: readonly TrailRun[]; steps?: readonly TrailStep[] }) {
  return (
    <ol className="timeline trail-timeline" aria-label="Runs in time order">
      {runs.map((run) => (
        <li key={`${run.automation.slug}/${run.runId}/${run.attempt}`} className={`timeline__item timeline__item--${run.status}`} data-run-id={run.runId}>
          <div className="timeline__marker" aria-hidden="true" />
          <p className="timeline__heading">
            <Link className="strong" to={`/automations/${run.automation.slug}/runs`}>
              {run.automation.title}
            </Link>{' '}
            <RunStatusBadge status={run.status} /> <span className="muted">attempt {run.attempt}</span>
          </p>
          <dl className="trail-facts">
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
        </li>
      ))}
    </ol>
  );
}
