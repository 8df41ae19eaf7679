import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartRole } from '@/shared/charts/chartA11y';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { REPROCESS_ITEM_STATE_DESCRIPTIONS, REPROCESS_ITEM_STATE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { BAR_ORDER, ITEM_STATE_COLOURS, type ProgressRow, formatShare, progressRows } from '../reprocessProgress';
import styles from './ReprocessProgressChart.module.css';
import chart from '@/shared/charts/Chart.module.css';

const CHART_HEIGHT = 56;

/** Every state with its count, share and meaning: the tooltip of the whole bar. */
function ProgressTooltip({ rows, active }: { rows: readonly ProgressRow[]; active?: boolean }) {
  if (!active) {
    return null;
  }
  return (
    <div className={chart.tooltip}>
      <p className={chart.tooltipHeading}>Messages by state</p>
      <ul className={chart.tooltipLines}>
        {rows.map((row) => (
          <li key={row.state}>
            <span className={chart.tooltipSwatch} style={{ background: ITEM_STATE_COLOURS[row.state] }} aria-hidden="true" />
            {REPROCESS_ITEM_STATE_LABELS[row.state]}: <span className="strong">{formatNumber(row.count)}</span> ({formatShare(row.share)})
            <span className={`${chart.tooltipNote} ${styles.meaning}`}>{REPROCESS_ITEM_STATE_DESCRIPTIONS[row.state]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One horizontal bar filling from the left: outcomes first, then messages on their way, waiting ones at the right end. */
export default function ReprocessProgressChartRenderer({ request }: { request: Pick<ReprocessRequestSummaryFragment, 'progress' | 'total'> }) {
  const rows = progressRows(request.progress, request.total);
  const whole = Math.max(
    1,
    rows.reduce((sum, row) => sum + row.count, 0),
    request.total,
  );
  const data = [{ name: 'Messages', ...request.progress }];
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart
        data={data}
        {...chartRole(
          `Progress: ${rows.map((row) => `${REPROCESS_ITEM_STATE_LABELS[row.state]} ${formatNumber(row.count)}`).join(', ')} of ${formatNumber(request.total)} messages.`,
        )}
        layout="vertical"
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        barSize={28}
      >
        <XAxis type="number" hide domain={[0, whole]} />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip content={({ active }) => <ProgressTooltip rows={rows} active={active} />} cursor={false} />
        {BAR_ORDER.map((state) => (
          <Bar key={state} dataKey={state} name={REPROCESS_ITEM_STATE_LABELS[state]} stackId="items" fill={ITEM_STATE_COLOURS[state]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
