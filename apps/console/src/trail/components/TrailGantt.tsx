import { useId } from 'react';
import { RUN_STATUS_LABELS } from '@/shared/format/labels';
import { formatTime } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { type TrailRun, type TrailSpan, axisTicks, endOf } from '../trailTimes';
import styles from './TrailGantt.module.css';
import chart from '@/shared/charts/Chart.module.css';

/** Narrower than this, a bar would vanish: an instant still shows as a sliver. */
const MIN_WIDTH_PERCENT = 0.6;

/** A bar's colour says how the run ended. */
const BAR_STATUS: Record<TrailRun['status'], string | undefined> = {
  succeeded: styles.succeeded,
  failed: styles.failed,
  dead_lettered: styles.deadLettered,
  retrying: styles.retrying,
  running: styles.running,
};

const percentOf = (value: number, span: TrailSpan) => ((value - span.start) / span.length) * 100;

interface TrailGanttProps {
  runs: readonly TrailRun[];
  span: TrailSpan;
  now: number;
}

/**
 * The transaction at a glance: one bar per run on a shared time axis, coloured by status. The
 * timeline beside it carries the same facts in words, so the chart is one labelled image.
 */
export function TrailGantt({ runs, span, now }: TrailGanttProps) {
  const titleId = useId();
  const automations = new Set(runs.map((run) => run.automation.slug)).size;
  const summary = `${runs.length} ${runs.length === 1 ? 'run' : 'runs'} of ${automations} ${automations === 1 ? 'automation' : 'automations'} over ${formatDuration(span.length)}, from ${formatTime(span.start, true)} to ${formatTime(span.end, true)}.`;
  return (
    <figure className={styles.gantt} aria-labelledby={titleId}>
      <figcaption id={titleId} className={chart.title}>
        At a glance
      </figcaption>
      <div role="img" aria-label={summary} className={styles.body}>
        {runs.map((run) => {
          const start = new Date(run.startedAt).getTime();
          const end = endOf(run, now);
          const left = percentOf(start, span);
          const width = Math.max(percentOf(end, span) - left, MIN_WIDTH_PERCENT);
          const tip = `${run.automation.title} · attempt ${run.attempt} · ${RUN_STATUS_LABELS[run.status]} · ${formatTime(start, true)} → ${
            run.finishedAt ? formatTime(end, true) : 'still running'
          } (${formatDuration(end - start)})`;
          return (
            <div className={styles.row} key={`${run.automation.slug}/${run.runId}/${run.attempt}`}>
              <span className={styles.label} title={run.automation.title}>
                {run.automation.title}
                <span className="muted"> · #{run.attempt}</span>
              </span>
              <span className={styles.track}>
                <span
                  className={`${styles.bar} ${BAR_STATUS[run.status]}`}
                  style={{ left: `${Math.min(left, 100 - MIN_WIDTH_PERCENT)}%`, width: `${Math.min(width, 100 - left)}%` }}
                  title={tip}
                />
              </span>
            </div>
          );
        })}
        <div className={`${styles.row} ${styles.axisRow}`} aria-hidden="true">
          <span className={styles.label} />
          <span className={styles.axis}>
            {axisTicks(span).map((tick, index) => (
              <span key={index} className={styles.tick} style={{ left: `${percentOf(tick, span)}%` }}>
                {formatTime(tick, true)}
              </span>
            ))}
          </span>
        </div>
      </div>
      <p className={`muted ${styles.legend}`}>Bars run from start to finish; a run still going reaches to now. Hover a bar for its times.</p>
    </figure>
  );
}
