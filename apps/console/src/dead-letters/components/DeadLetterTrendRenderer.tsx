import { Line, LineChart, YAxis } from 'recharts';

export const TREND_WIDTH = 120;
export const TREND_HEIGHT = 28;

/** The stylesheet's danger colour: these are failures. */
const COLOUR = '#a3282e';

/** 24 hourly counts as a line, no axes: the shape of the last day at a glance. */
export default function DeadLetterTrendRenderer({ trend }: { trend: readonly number[] }) {
  const points = trend.map((count, hour) => ({ hour, count }));
  return (
    // Inside DeadLetterTrend's labelled image: nothing here to focus or to name again.
    <LineChart accessibilityLayer={false} width={TREND_WIDTH} height={TREND_HEIGHT} data={points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
      <YAxis hide domain={[0, 'dataMax']} />
      <Line type="monotone" dataKey="count" stroke={COLOUR} strokeWidth={1.5} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
