import { useId } from 'react';
import type { AutomationDetailFragment } from '@/gql/graphql';
import { formatDate } from '@/shared/format/dates';
import { KPI_DIRECTION_LABELS, KPI_SOURCE_LABELS } from '@/shared/format/labels';
import { formatNumber, formatQuantity } from '@/shared/format/numbers';
import styles from './KpiCard.module.css';

export type Kpi = AutomationDetailFragment['kpis'][number];

function describePeriod(from: string | null, to: string | null): string | undefined {
  if (from && to) {
    return `${formatDate(from)} – ${formatDate(to)}`;
  }
  if (from) {
    return `from ${formatDate(from)}`;
  }
  if (to) {
    return `until ${formatDate(to)}`;
  }
  return undefined;
}

/** "99% lower", "3× higher": how far the target moves from the baseline, and whether that is the right way. */
function describeChange(kpi: Kpi): { text: string; improves: boolean } | undefined {
  const baseline = kpi.baseline.value;
  if (baseline === null || baseline === 0 || kpi.target === baseline) {
    return undefined;
  }
  const lower = kpi.target < baseline;
  const improves = lower === (kpi.direction === 'lower_is_better');
  const ratio = kpi.target / baseline;
  const percent = Math.abs((ratio - 1) * 100);
  const text =
    lower || ratio < 2
      ? `${formatNumber(percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10)}% ${lower ? 'lower' : 'higher'}`
      : `${formatNumber(Math.round(ratio * 10) / 10)}× higher`;
  return { text, improves };
}

/** One KPI's before/after story: baseline → target, which way is better, and how the baseline was measured. */
export function KpiCard({ kpi }: { kpi: Kpi }) {
  const titleId = useId();
  const { baseline } = kpi;
  const period = describePeriod(baseline.from, baseline.to);
  const before = baseline.value === null ? 'measured baseline' : formatQuantity(baseline.value, kpi.unit, kpi.currency);
  const after = formatQuantity(kpi.target, kpi.unit, kpi.currency);
  const change = describeChange(kpi);
  const lowerIsBetter = kpi.direction === 'lower_is_better';

  return (
    <article className={styles.kpi} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {kpi.title}
      </h3>
      <p className={styles.change} data-testid="kpi-change">
        <span className={styles.baseline}>{before}</span>
        <span className={styles.arrow}> → </span>
        <span>{after}</span>
      </p>
      <p className={styles.direction}>
        <span aria-hidden="true">{lowerIsBetter ? '↓' : '↑'}</span> {KPI_DIRECTION_LABELS[kpi.direction]}
        {change ? (
          <span className={change.improves ? styles.good : styles.bad}>
            {' '}
            · target {change.text}
            {change.improves ? '' : ' (the wrong way for this KPI)'}
          </span>
        ) : null}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Baseline</dt>
          <dd>
            {baseline.value === null ? 'Measured over the period' : before}
            {period ? <span className={styles.period}> · {period}</span> : null}
          </dd>
        </div>
        <div>
          <dt>How it was measured</dt>
          <dd>{baseline.note}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{KPI_SOURCE_LABELS[kpi.source]}</dd>
        </div>
        {kpi.minutesPerTouch !== null ? (
          <div>
            <dt>Each manual touch costs</dt>
            <dd>{formatNumber(kpi.minutesPerTouch)} minutes</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
