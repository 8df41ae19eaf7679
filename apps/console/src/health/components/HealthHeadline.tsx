import { useId } from 'react';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatDateTime, formatTimeAgo } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { formatNumber, formatPercent } from '@/shared/format/numbers';
import type { AutomationHealth } from '../healthSeries';
import { HEALTH_WINDOW_PHRASES, type HealthWindow } from '../healthWindow';
import stat from '@/shared/components/Stat.module.css';

interface StatProps {
  /** A stable hook for tests and e2e: `data-stat="success-rate"`. */
  name: string;
  label: string;
  /** How the number is computed, in plain words. */
  how: string;
  /** The number, or undefined for "No data yet". */
  value: string | undefined;
  detail: string;
  /** The instant the value stands for, for a <time> element. */
  dateTime?: string | null;
}

function Stat({ name, label, how, value, detail, dateTime }: StatProps) {
  const labelId = useId();
  return (
    <div className={value === undefined ? `${stat.stat} ${stat.empty}` : stat.stat} role="group" aria-labelledby={labelId} data-stat={name}>
      <p className={stat.label}>
        <span id={labelId}>{label}</span> <InfoTip label={`How ${label.toLowerCase()} is computed`}>{how}</InfoTip>
      </p>
      <p className={stat.value}>{value === undefined ? 'No data yet' : dateTime ? <time dateTime={dateTime}>{value}</time> : value}</p>
      <p className={stat.detail}>{detail}</p>
    </div>
  );
}

const rate = (value: number | null) => (value === null ? undefined : formatPercent(value));
const duration = (value: number | null) => (value === null ? undefined : formatDuration(value));

function latencyDetail(health: AutomationHealth): string {
  const parts = [health.p50Ms === null ? null : `p50 ${formatDuration(health.p50Ms)}`, health.p99Ms === null ? null : `p99 ${formatDuration(health.p99Ms)}`];
  const known = parts.filter((part) => part !== null);
  return known.length > 0 ? known.join(' · ') : 'No attempt finished in the window';
}

/** The numbers that answer "is it working?", each with how it is computed. */
export function HealthHeadline({ health, healthWindow }: { health: AutomationHealth; healthWindow: HealthWindow }) {
  const phrase = HEALTH_WINDOW_PHRASES[healthWindow];
  const nothingEnded = `No run ended ${phrase}`;
  return (
    <div className={stat.grid}>
      <Stat
        name="throughput"
        label="Throughput"
        how="Attempts that finished in the window: succeeded, failed, dead-lettered or retried. Each attempt counts once; runs still running are not counted yet."
        value={formatNumber(health.throughput)}
        detail={health.throughput === 1 ? `finished attempt ${phrase}` : `finished attempts ${phrase}`}
      />
      <Stat
        name="success-rate"
        label="Success rate"
        how="Runs that succeeded, divided by runs that ended in the window (succeeded, failed or dead-lettered). An attempt that was retried is not an end: its run counts once, when it ends. “No data yet” when no run ended."
        value={rate(health.successRate)}
        detail={health.successRate === null ? nothingEnded : 'of runs that ended succeeded'}
      />
      <Stat
        name="error-rate"
        label="Error rate"
        how="Runs that failed or were dead-lettered, divided by runs that ended in the window: 100% minus the success rate. “No data yet” when no run ended."
        value={rate(health.errorRate)}
        detail={health.errorRate === null ? nothingEnded : 'of runs that ended failed or were dead-lettered'}
      />
      <Stat
        name="retry-rate"
        label="Retry rate"
        how="Attempts that failed and were tried again, divided by all attempts that finished in the window. A high retry rate with a low error rate means retries are saving the day."
        value={rate(health.retryRate)}
        detail={health.retryRate === null ? `Nothing finished ${phrase}` : 'of finished attempts were retried'}
      />
      <Stat
        name="p95-latency"
        label="p95 latency"
        how="95 of every 100 attempts that finished in the window took this long or less, from start to finish. p50 is the median; p99 is what the slowest 1 in 100 took."
        value={duration(health.p95Ms)}
        detail={latencyDetail(health)}
      />
      <Stat
        name="last-success"
        label="Last success"
        how="When an attempt of this automation last finished successfully, whatever window is chosen."
        value={health.lastSuccessAt === null ? undefined : formatTimeAgo(health.lastSuccessAt)}
        dateTime={health.lastSuccessAt}
        detail={health.lastSuccessAt === null ? 'No successful run reported yet' : formatDateTime(health.lastSuccessAt)}
      />
      <Stat
        name="last-heartbeat"
        label="Last heartbeat"
        how="When a runtime of this automation last sent a heartbeat through the SDK to say it is up. It keeps coming when there is no work, so a stale heartbeat means the runtime is down, not idle."
        value={health.lastHeartbeatAt === null ? undefined : formatTimeAgo(health.lastHeartbeatAt)}
        dateTime={health.lastHeartbeatAt}
        detail={health.lastHeartbeatAt === null ? 'The runtime has not sent a heartbeat yet' : formatDateTime(health.lastHeartbeatAt)}
      />
    </div>
  );
}
