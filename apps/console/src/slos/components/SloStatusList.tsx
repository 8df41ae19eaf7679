import { useId } from 'react';
import { Link } from 'react-router';
import { runbookAnchor } from '@/automation/components/runbookAnchor';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatDuration } from '@/shared/format/durations';
import { SLO_INDICATOR_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { BURN_RATE_EXPLANATION, type SloStatusData, describeBurnRate, formatAge, formatPercentValue } from '../sloWords';
import { ErrorBudgetBar } from './ErrorBudgetBar';
import { SloStateBadge } from './SloStateBadge';
import cards from '@/shared/components/CardList.module.css';
import styles from './SloStatusList.module.css';

function NowLine({ slo }: { slo: SloStatusData }) {
  if (slo.deadLetters) {
    const { pending, maxBacklog, oldestPendingSince, thresholdMs, withinLimit } = slo.deadLetters;
    const parts = [`${formatNumber(pending)} ${pending === 1 ? 'dead letter' : 'dead letters'} waiting${maxBacklog === null ? '' : ` (limit ${formatNumber(maxBacklog)})`}`];
    if (oldestPendingSince !== null) {
      parts.push(`the oldest has waited ${formatAge(oldestPendingSince)}${thresholdMs === null ? '' : ` (limit ${formatDuration(thresholdMs)})`}`);
    }
    return (
      <p>
        Now: {parts.join('; ')}. {withinLimit ? 'Within the limit.' : 'Over the limit.'}
      </p>
    );
  }
  if (slo.freshness) {
    const { lastSuccessAt, thresholdMs, fresh } = slo.freshness;
    return (
      <p>
        Last success: {lastSuccessAt === null ? 'never' : `${formatAge(lastSuccessAt)} ago`} (may be at most {formatDuration(thresholdMs)} old). {fresh ? 'Fresh.' : 'Stale.'}
      </p>
    );
  }
  return null;
}

function SloCard({ slo, slug }: { slo: SloStatusData; slug: string }) {
  const titleId = useId();
  return (
    <li className={cards.card} aria-labelledby={titleId}>
      <div className={cards.header}>
        <h3 id={titleId} className={styles.title}>
          {slo.title}
        </h3>
        <SloStateBadge state={slo.state} />
      </div>
      <dl className="facts facts--grid">
        <div>
          <dt>Objective</dt>
          <dd>
            {formatPercentValue(slo.objective)} over the last {slo.window} <span className="muted">· {SLO_INDICATOR_LABELS[slo.indicator]}</span>
          </dd>
        </div>
        <div>
          <dt>
            Achieved <InfoTip label={`How achieved is computed: ${slo.title}`}>Good runs (or good minutes) divided by all counted over the SLO window, in percent.</InfoTip>
          </dt>
          <dd>{slo.attainedPercent === null ? <span className="muted">No data</span> : formatPercentValue(slo.attainedPercent)}</dd>
        </div>
        <div className="facts__wide">
          <dt>
            Error budget left{' '}
            <InfoTip label={`How the error budget is computed: ${slo.title}`}>
              How many misses the objective allows over the window — bad runs, or bad minutes for freshness and dead-letter SLOs: total × (100% − objective) — and how much of that
              is unused. Overspent: more misses than allowed, the promise is broken.
            </InfoTip>
          </dt>
          <dd>
            <ErrorBudgetBar budget={slo.errorBudget} label={`Error budget left: ${slo.title}`} objective={slo.objective} indicator={slo.indicator} />
          </dd>
        </div>
      </dl>
      <NowLine slo={slo} />
      {slo.burnRates.length > 0 ? (
        <div>
          <p className="strong">
            How fast the budget is being spent <InfoTip label={`What burn rates mean: ${slo.title}`}>{BURN_RATE_EXPLANATION}</InfoTip>
          </p>
          <ul className={`plain-list ${styles.burn}`}>
            {slo.burnRates.map((burn) => (
              <li key={burn.rule} className={burn.firing ? styles.firing : undefined}>
                {describeBurnRate(burn)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        {slo.runbook ? (
          <Link to={`/automations/${encodeURIComponent(slug)}#${runbookAnchor(slo.runbook.id)}`}>Runbook: {slo.runbook.title}</Link>
        ) : (
          <span className="muted">No runbook named for this SLO’s alerts.</span>
        )}
      </p>
    </li>
  );
}

/** An automation's SLOs as they stand now, one card each. */
export function SloStatusList({ slos, slug }: { slos: readonly SloStatusData[]; slug: string }) {
  if (slos.length === 0) {
    return <p className="muted">No service-level objectives yet. Without one, nobody knows when this automation is failing its users.</p>;
  }
  return (
    <ul className={cards.list}>
      {slos.map((slo) => (
        <SloCard key={slo.name} slo={slo} slug={slug} />
      ))}
    </ul>
  );
}
