import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { REPROCESS_ITEM_STATE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { BAR_ORDER, ITEM_STATE_COLOURS, finishedCount, progressRows } from '../reprocessProgress';
import styles from './ReprocessProgressBar.module.css';

type Request = Pick<ReprocessRequestSummaryFragment, 'progress' | 'total'>;

/** "77 succeeded, 3 failed, 100 queued… of 200" — states with none left out. */
export function describeProgress({ progress, total }: Request): string {
  const parts = progressRows(progress, total)
    .filter((row) => row.count > 0)
    .map((row) => `${formatNumber(row.count)} ${REPROCESS_ITEM_STATE_LABELS[row.state].toLowerCase()}`);
  return parts.length === 0 ? `Nothing in the ledger yet, of ${formatNumber(total)}` : `${parts.join(', ')} of ${formatNumber(total)}`;
}

/** A small bar for lists, filling from the left like the chart: each ledger state's share of the request, in the chart's colours, and the count handled. */
export function ReprocessProgressBar({ request }: { request: Request }) {
  const rows = progressRows(request.progress, request.total).sort((a, b) => BAR_ORDER.indexOf(a.state) - BAR_ORDER.indexOf(b.state));
  const summary = describeProgress(request);
  return (
    <span className={styles.mini}>
      <span className={styles.track} role="img" aria-label={summary} title={summary}>
        {rows
          .filter((row) => row.count > 0)
          .map((row) => (
            <span key={row.state} className={styles.segment} data-state={row.state} style={{ width: `${row.share * 100}%`, background: ITEM_STATE_COLOURS[row.state] }} />
          ))}
      </span>
      <span className={styles.label}>
        {formatNumber(finishedCount(request.progress))} / {formatNumber(request.total)}
      </span>
    </span>
  );
}
