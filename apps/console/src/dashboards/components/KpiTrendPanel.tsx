import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRole, legendText } from '@/shared/charts/chartA11y';
import type { TrendInterval } from '@/gql/graphql';
import { formatDay, formatDayTime } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import type { KpiTrendData } from '../dashboardTypes';
import { DIRECTION_WORDS, NO_DATA_IN_RANGE, kpiValue } from '../kpiWords';
import { roundTicks } from '../axisTicks';
import { AXIS_TICK, CHART_COLOURS, CHART_HEIGHT } from './chartTheme';
import { BEFORE_LABEL } from './KpiBeforeAfterPanel';
import { PanelFigure } from './PanelFigure';
import chart from '@/shared/charts/Chart.module.css';
import stat from '@/shared/components/Stat.module.css';
import styles from './KpiPanels.module.css';

const INTERVAL_WORDS: Record<TrendInterval, string> = { hour: 'hour', day: 'day', week: 'week' };

interface TrendPoint {
  time: number;
  value: number | null;
}

function bucketLabel(time: number, interval: TrendInterval): string {
  return interval === 'hour' ? formatDayTime(time) : interval === 'week' ? `Week of ${formatDay(time)}` : formatDay(time);
}

/** A KPI over the range, one point per hour, day or week, with the target and the "before" as dashed lines. */
export function KpiTrendPanel({ trend }: { trend: KpiTrendData }) {
  const { kpi, interval } = trend;
  const points = useMemo<TrendPoint[]>(() => trend.points.map((point) => ({ time: new Date(point.at).getTime(), value: point.value })), [trend.points]);
  const latest = [...points].reverse().find((point) => point.value !== null);
  const measured = points.filter((point) => point.value !== null).length;
  const few = measured < points.length / 2;
  const scale = useMemo(() => roundTicks([...points.map((point) => point.value), kpi.target, kpi.baseline]), [points, kpi.target, kpi.baseline]);
  return (
    <div className={styles.kpi}>
      <p className={styles.meta}>
        {kpi.automationTitle} · {DIRECTION_WORDS[kpi.direction].toLowerCase()} · one point per {INTERVAL_WORDS[interval]}
      </p>
      <div className={stat.grid}>
        <PanelFigure
          label={`Latest ${INTERVAL_WORDS[interval]}`}
          value={latest?.value === null || latest === undefined ? NO_DATA_IN_RANGE : kpiValue(kpi, latest.value)}
          how={`${kpi.howComputed} Each point covers one ${INTERVAL_WORDS[interval]} (UTC); a gap is a ${INTERVAL_WORDS[interval]} with nothing measured.`}
          detail={latest ? bucketLabel(latest.time, interval) : undefined}
        />
        <PanelFigure label="Target" value={kpiValue(kpi, kpi.target)} how="The value this automation was built to reach: the dashed green line." />
        <PanelFigure
          label={BEFORE_LABEL}
          value={kpi.baseline === null ? 'Not measured' : kpiValue(kpi, kpi.baseline)}
          how={`The "before" agreed when the automation was planned: the dashed grey line. ${kpi.baselineNote}`}
        />
      </div>
      <figure className={`${chart.chart} ${chart.flat}`} aria-label={`${kpi.title} per ${INTERVAL_WORDS[interval]}, ${kpi.range.label}, with the target and the before`}>
        <p className="visually-hidden">{`${formatNumber(measured)} of ${formatNumber(points.length)} ${INTERVAL_WORDS[interval]}s have a value.`}</p>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={points} {...chartRole(`${kpi.title} per ${INTERVAL_WORDS[interval]}, ${kpi.range.label}`)} margin={{ top: 20, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(time: number) => (interval === 'hour' ? formatDayTime(time) : formatDay(time))}
              tick={AXIS_TICK}
              minTickGap={24}
            />
            <YAxis tick={AXIS_TICK} width={64} domain={scale.domain} ticks={scale.ticks} interval={0} tickFormatter={(value: number) => formatNumber(value)} />
            <Tooltip labelFormatter={(time) => bucketLabel(Number(time), interval)} formatter={(value) => (typeof value === 'number' ? kpiValue(kpi, value) : 'no data')} />
            <Legend formatter={legendText} />
            <ReferenceLine y={kpi.target} stroke={CHART_COLOURS.target} strokeDasharray="6 4" strokeWidth={2} ifOverflow="extendDomain" />
            {kpi.baseline === null ? null : <ReferenceLine y={kpi.baseline} stroke={CHART_COLOURS.baseline} strokeDasharray="2 4" strokeWidth={2} ifOverflow="extendDomain" />}
            <Line
              type="monotone"
              dataKey="value"
              name={`${kpi.title} (${kpi.unit})`}
              stroke={CHART_COLOURS.line}
              strokeWidth={2}
              connectNulls={false}
              dot={few ? { r: 3 } : false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
        <figcaption className={chart.key}>
          <span className={chart.keyTarget}>Dashed line: target, {kpiValue(kpi, kpi.target)}</span>
          {kpi.baseline === null ? null : <span className={chart.keyBefore}>Dotted line: before, {kpiValue(kpi, kpi.baseline)}</span>}
        </figcaption>
      </figure>
    </div>
  );
}
