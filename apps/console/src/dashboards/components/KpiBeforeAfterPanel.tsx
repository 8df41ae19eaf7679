import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRole } from '@/shared/charts/chartA11y';
import { Badge } from '@/shared/components/Badge';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatNumber } from '@/shared/format/numbers';
import { DIRECTION_WORDS, NO_DATA_IN_RANGE, type KpiReport, daysOfData, describeBaseline, describeDelta, describeVerdict, kpiValue } from '../kpiWords';
import { roundTicks } from '../axisTicks';
import { AXIS_TICK, CHART_COLOURS, CHART_HEIGHT } from './chartTheme';
import { PanelFigure } from './PanelFigure';
import chart from '@/shared/charts/Chart.module.css';
import stat from '@/shared/components/Stat.module.css';
import { Banner } from '@/shared/ui/Banner';
import styles from './KpiPanels.module.css';

export const BEFORE_LABEL = 'Before (agreed baseline)';

interface Bar {
  label: string;
  value: number | null;
  colour: string;
}

function BeforeAfterChart({ kpi, bars }: { kpi: KpiReport; bars: Bar[] }) {
  const scale = roundTicks([kpi.target, ...bars.map((bar) => bar.value)]);
  return (
    <figure className={`${chart.chart} ${chart.flat}`} aria-label={`${kpi.title}: before and after, with the target`}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={bars} {...chartRole(`${kpi.title}: before and after, with the target`)} margin={{ top: 20, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
          <YAxis tick={AXIS_TICK} width={64} domain={scale.domain} ticks={scale.ticks} interval={0} tickFormatter={(value: number) => formatNumber(value)} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? kpiValue(kpi, value) : 'no data')} cursor={{ fill: 'rgb(50 90 122 / 8%)' }} />
          <ReferenceLine y={kpi.target} stroke={CHART_COLOURS.target} strokeDasharray="6 4" strokeWidth={2} />
          <Bar dataKey="value" name={`${kpi.title} (${kpi.unit})`} isAnimationActive={false} maxBarSize={96}>
            {bars.map((bar) => (
              <Cell key={bar.label} fill={bar.colour} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className={chart.key}>
        <span className={chart.keyTarget}>Dashed line: target, {kpiValue(kpi, kpi.target)}</span>
      </figcaption>
    </figure>
  );
}

/** A KPI's "before" next to its "after" over the range, the target, and how far it moved, in words. */
export function KpiBeforeAfterPanel({ kpi }: { kpi: KpiReport }) {
  const afterLabel = `After: ${kpi.range.label}`;
  const verdict = describeVerdict(kpi);
  const delta = describeDelta(kpi);
  const worse = kpi.change === 'worse';
  const bars: Bar[] = [
    { label: BEFORE_LABEL, value: kpi.baseline, colour: CHART_COLOURS.before },
    { label: afterLabel, value: kpi.after, colour: worse ? CHART_COLOURS.afterWorse : CHART_COLOURS.after },
  ];
  return (
    <div className={styles.kpi}>
      <p className={styles.meta}>
        {kpi.automationTitle} · {DIRECTION_WORDS[kpi.direction].toLowerCase()}
        {kpi.partial ? (
          <>
            {' '}
            <Badge tone="caution" title={`Data covers ${formatNumber(Math.round(kpi.coverage * 100))}% of the range.`}>
              Partial data
            </Badge>
          </>
        ) : null}
      </p>
      <div className={stat.grid}>
        <PanelFigure
          label={BEFORE_LABEL}
          value={kpi.baseline === null ? 'Not measured' : kpiValue(kpi, kpi.baseline)}
          how={`The "before" agreed when the automation was planned. ${describeBaseline(kpi)}`}
        />
        <PanelFigure
          label={afterLabel}
          value={kpi.after === null ? NO_DATA_IN_RANGE : kpiValue(kpi, kpi.after)}
          how={kpi.howComputed}
          detail={
            kpi.partial && kpi.after !== null
              ? `${daysOfData(kpi.coverage * kpi.range.days, kpi.range.days) ?? 'From part of the range'} (${formatNumber(Math.round(kpi.coverage * 100))}% of it).`
              : undefined
          }
        />
        <PanelFigure
          label="Target"
          value={kpiValue(kpi, kpi.target)}
          how={`The value this automation was built to reach. ${DIRECTION_WORDS[kpi.direction]}.`}
          detail={kpi.targetReached ? 'Reached' : undefined}
        />
        <PanelFigure
          label="Change"
          value={delta ?? '—'}
          how="After minus before, in the KPI's unit. Whether that is better depends on the direction: for this KPI, lower or higher as stated above."
          tone={kpi.change === 'better' ? 'good' : worse ? 'bad' : undefined}
        />
      </div>
      {verdict ? (
        <p className={worse ? `${styles.verdict} ${styles.worse}` : styles.verdict}>
          {verdict} <InfoTipProgress />
        </p>
      ) : null}
      {kpi.caveat ? <Banner tone="info">{kpi.caveat}</Banner> : null}
      <BeforeAfterChart kpi={kpi} bars={bars} />
    </div>
  );
}

function InfoTipProgress() {
  return (
    <InfoTip label="How improvement and progress are computed">
      Improvement: how much better "after" is than "before", as a share of "before" (positive is better, whichever way the KPI should move). Progress: how much of the way from
      "before" to the target has been covered; 100% means the target is reached.
    </InfoTip>
  );
}
