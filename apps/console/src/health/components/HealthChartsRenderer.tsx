import { type ReactNode, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_MUTED_TEXT, chartRole, legendText } from '@/shared/charts/chartA11y';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatDuration, formatDurationShort } from '@/shared/format/durations';
import { formatNumber } from '@/shared/format/numbers';
import { HEALTH_COLOURS, P50_DASH } from '../healthChartColours';
import { type AutomationHealth, type ChartPoint, describeBucket, tickFormatter, toChartPoints } from '../healthSeries';
import chart from '@/shared/charts/Chart.module.css';

const CHART_HEIGHT = 240;

const COLOURS = HEALTH_COLOURS;

const AXIS_TICK = { fontSize: 12, fill: CHART_MUTED_TEXT };

/** Lines break where a bucket has no value; when most do, dots keep lone values visible. */
function dotsFor(points: readonly ChartPoint[], key: 'errorPercent' | 'p95Ms'): false | { r: number } {
  const known = points.filter((point) => point[key] !== null).length;
  return known < points.length / 2 ? { r: 2.5 } : false;
}

interface ChartFigureProps {
  title: string;
  how: string;
  /** A sentence for people who cannot see the chart. */
  summary: string;
  children: ReactNode;
}

function ChartFigure({ title, how, summary, children }: ChartFigureProps) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className={chart.chart} aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption className={chart.title}>
        <span id={titleId}>{title}</span> <InfoTip label={`How the ${title.toLowerCase()} chart is computed`}>{how}</InfoTip>
      </figcaption>
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

interface TooltipLine {
  label: string;
  value: string;
  colour?: string;
}

/** The tooltip of every chart: which bucket, each value, and how it came about. */
function ChartTooltip({ heading, lines, note }: { heading: string; lines: readonly TooltipLine[]; note?: string }) {
  return (
    <div className={chart.tooltip}>
      <p className={chart.tooltipHeading}>{heading}</p>
      <ul className={chart.tooltipLines}>
        {lines.map((line) => (
          <li key={line.label}>
            {line.colour ? <span className={chart.tooltipSwatch} style={{ background: line.colour }} aria-hidden="true" /> : null}
            {line.label}: <span className="strong">{line.value}</span>
          </li>
        ))}
      </ul>
      {note ? <p className={chart.tooltipNote}>{note}</p> : null}
    </div>
  );
}

const percent = (value: number | null) => (value === null ? 'no data' : `${formatNumber(Math.round(value * 10) / 10)}%`);
const millis = (value: number | null) => (value === null ? 'no data' : formatDuration(value));
const plural = (count: number, one: string, many: string) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function tooltipContent(points: readonly ChartPoint[], bucket: string, render: (point: ChartPoint, heading: string) => ReactNode) {
  return ({ active, label }: { active?: boolean; label?: string | number }) => {
    const point = active ? points.find((candidate) => candidate.time === Number(label)) : undefined;
    return point ? render(point, describeBucket(point.time, bucket)) : null;
  };
}

function ThroughputChart({ points, bucket, format }: { points: ChartPoint[]; bucket: string; format: (time: number) => string }) {
  const total = points.reduce((sum, point) => sum + point.throughput, 0);
  const summary = `${plural(total, 'attempt', 'attempts')} finished over the window, shown per ${bucket}.`;
  const content = tooltipContent(points, bucket, (point, heading) => (
    <ChartTooltip
      heading={heading}
      lines={[
        { label: 'Succeeded', value: formatNumber(point.succeeded), colour: COLOURS.succeeded },
        { label: 'Failed', value: formatNumber(point.failed), colour: COLOURS.failed },
        { label: 'Dead-lettered', value: formatNumber(point.deadLettered), colour: COLOURS.deadLettered },
        { label: 'Retried', value: formatNumber(point.retried), colour: COLOURS.retried },
      ]}
      note={`${plural(point.throughput, 'attempt', 'attempts')} finished in this ${bucket} bucket, each counted once by how it ended.`}
    />
  ));
  return (
    <ChartFigure
      title="Throughput"
      how="Attempts that finished in each bucket, stacked by how they ended: succeeded, failed (given up), dead-lettered (given up and parked) or retried (another attempt followed)."
      summary={summary}
    >
      <BarChart data={points} {...chartRole(`Throughput chart. ${summary}`)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="time" tickFormatter={format} tick={AXIS_TICK} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} width={44} />
        <Tooltip content={content} cursor={{ fill: 'rgb(50 90 122 / 8%)' }} />
        <Legend itemSorter={null} formatter={legendText} />
        <Bar dataKey="succeeded" name="Succeeded" stackId="attempts" fill={COLOURS.succeeded} isAnimationActive={false} />
        <Bar dataKey="failed" name="Failed" stackId="attempts" fill={COLOURS.failed} isAnimationActive={false} />
        <Bar dataKey="deadLettered" name="Dead-lettered" stackId="attempts" fill={COLOURS.deadLettered} isAnimationActive={false} />
        <Bar dataKey="retried" name="Retried" stackId="attempts" fill={COLOURS.retried} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** The counts behind one bucket's rates, in words. */
function describeRates(point: ChartPoint): string {
  if (point.throughput === 0) {
    return 'Nothing finished in this bucket, so there is no rate.';
  }
  const ended = point.succeeded + point.failed + point.deadLettered;
  const errors = `${formatNumber(point.failed + point.deadLettered)} of ${plural(ended, 'run that ended', 'runs that ended')} failed or were dead-lettered`;
  return `${ended === 0 ? 'No run ended' : errors}; ${formatNumber(point.retried)} of ${plural(point.throughput, 'finished attempt', 'finished attempts')} were retried.`;
}

function RatesChart({ points, bucket, format }: { points: ChartPoint[]; bucket: string; format: (time: number) => string }) {
  const dots = dotsFor(points, 'errorPercent');
  const content = tooltipContent(points, bucket, (point, heading) => (
    <ChartTooltip
      heading={heading}
      lines={[
        { label: 'Error rate', value: percent(point.errorPercent), colour: COLOURS.errorRate },
        { label: 'Retry rate', value: percent(point.retryPercent), colour: COLOURS.retryRate },
      ]}
      note={describeRates(point)}
    />
  ));
  return (
    <ChartFigure
      title="Error and retry rate"
      how="Error rate: runs that failed or were dead-lettered, divided by runs that ended in the bucket. Retry rate: attempts that were tried again, divided by all attempts that finished in the bucket. Gaps are buckets with nothing to divide."
      summary="Error rate and retry rate per bucket, in percent."
    >
      <LineChart data={points} {...chartRole('Error and retry rate chart. Error rate and retry rate per bucket, in percent.')} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="time" tickFormatter={format} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tickFormatter={(value: number) => `${formatNumber(value)}%`} domain={[0, 'auto']} tick={AXIS_TICK} width={44} />
        <Tooltip content={content} />
        <Legend itemSorter={null} formatter={legendText} />
        <Line type="monotone" dataKey="errorPercent" name="Error rate" stroke={COLOURS.errorRate} strokeWidth={2} dot={dots} isAnimationActive={false} />
        <Line type="monotone" dataKey="retryPercent" name="Retry rate" stroke={COLOURS.retryRate} strokeWidth={2} dot={dots} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}

function LatencyChart({ points, bucket, format }: { points: ChartPoint[]; bucket: string; format: (time: number) => string }) {
  const dots = dotsFor(points, 'p95Ms');
  const content = tooltipContent(points, bucket, (point, heading) => (
    <ChartTooltip
      heading={heading}
      lines={[
        { label: 'p50 (median)', value: millis(point.p50Ms), colour: COLOURS.p50 },
        { label: 'p95', value: millis(point.p95Ms), colour: COLOURS.p95 },
        { label: 'p99', value: millis(point.p99Ms), colour: COLOURS.p99 },
      ]}
      note="Half of the attempts that finished in this bucket took the p50 or less; 95 in 100 the p95 or less; 99 in 100 the p99 or less."
    />
  ));
  return (
    <ChartFigure
      title="Latency"
      how="How long attempts took from start to finish, per bucket: the median (p50), and the time that 95 and 99 of every 100 attempts stayed within (p95, p99)."
      summary="Latency percentiles p50 (dashed), p95 and p99 per bucket."
    >
      <LineChart data={points} {...chartRole('Latency chart. Latency percentiles p50 (dashed), p95 and p99 per bucket.')} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="time" tickFormatter={format} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tickFormatter={(value: number) => formatDurationShort(value)} tick={AXIS_TICK} width={52} />
        <Tooltip content={content} />
        <Legend itemSorter={null} formatter={legendText} />
        <Line type="monotone" dataKey="p50Ms" name="p50" stroke={COLOURS.p50} strokeDasharray={P50_DASH} strokeWidth={2} dot={dots} isAnimationActive={false} />
        <Line type="monotone" dataKey="p95Ms" name="p95" stroke={COLOURS.p95} strokeWidth={2} dot={dots} isAnimationActive={false} />
        <Line type="monotone" dataKey="p99Ms" name="p99" stroke={COLOURS.p99} strokeWidth={2} dot={dots} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}

/** The three health charts over the window's buckets. Loaded lazily (recharts). */
export default function HealthChartsRenderer({ health }: { health: AutomationHealth }) {
  const points = useMemo(() => toChartPoints(health.series), [health.series]);
  const format = useMemo(() => tickFormatter(health.window), [health.window]);
  return (
    <div className={chart.grid}>
      <ThroughputChart points={points} bucket={health.bucket} format={format} />
      <RatesChart points={points} bucket={health.bucket} format={format} />
      <LatencyChart points={points} bucket={health.bucket} format={format} />
    </div>
  );
}
