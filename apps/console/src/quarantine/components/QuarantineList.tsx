import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { ListCount } from '@/shared/components/ListCount';
import { LoadMoreButton } from '@/shared/components/LoadMore';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { formatInstant } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import { Banner } from '@/shared/ui/Banner';
import { Table } from '@/shared/ui/Table';
import { useQuarantine } from '../hooks/useQuarantine';
import { PayloadView } from './PayloadView';
import styles from './Quarantine.module.css';

interface QuarantineListProps {
  /** Only this automation's events; every one the viewer may see when null. */
  automation: string | null;
  pageSize?: number;
  /** The automation page knows which automation it is; the quarantine page names each. */
  showAutomation: boolean;
  /** Replaces "Load more" (the automation page links to the full list instead). */
  more?: ReactNode;
  emptyText: string;
}

/** Reports refused at ingest, newest first, with why and exactly what was sent. */
export function QuarantineList({ automation, pageSize, showAutomation, more, emptyText }: QuarantineListProps) {
  const query = useQuarantine(automation, pageSize);
  const events = useMemo(() => query.data?.pages.flatMap((page) => page.quarantine.edges.map((edge) => edge.node)) ?? [], [query.data]);
  const totalCount = query.data?.pages.at(-1)?.quarantine.totalCount ?? 0;

  if (query.isPending) {
    return (
      <div className="stack" aria-busy="true">
        <LoadingMessage>Loading quarantined reports…</LoadingMessage>
        <SkeletonLine width="80%" />
        <SkeletonLine width="65%" />
      </div>
    );
  }
  if (query.isError && events.length === 0) {
    return <ErrorState title="Quarantined reports could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (events.length === 0) {
    return (
      <p className="muted" role="status">
        {emptyText}
      </p>
    );
  }
  return (
    <>
      <ListCount>
        Showing {formatNumber(events.length)} of {formatNumber(totalCount)} quarantined {totalCount === 1 ? 'report' : 'reports'}
      </ListCount>
      <Table>
        <caption className="visually-hidden">Quarantined reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            {showAutomation ? <th scope="col">Automation</th> : null}
            <th scope="col">Event type</th>
            <th scope="col">Reason</th>
            <th scope="col">Token</th>
            <th scope="col">Payload</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-quarantine-id={event.id}>
              <td className="nowrap">
                <time dateTime={event.receivedAt}>{formatInstant(event.receivedAt)}</time>
              </td>
              {showAutomation ? (
                <td>{event.automation ? <Link to={`/automations/${event.automation}/health`}>{event.automation}</Link> : <span className="muted">not named</span>}</td>
              ) : null}
              <td>{event.eventType ? <code>{event.eventType}</code> : <span className="muted">unknown</span>}</td>
              <td className={styles.reason}>{event.reason}</td>
              <td>{event.tokenName ?? <span className="muted">—</span>}</td>
              <td className={styles.payloadCell}>
                <PayloadView payload={event.payload} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {query.isFetchNextPageError ? (
        <Banner tone="error" role="alert">
          The next page could not be loaded. Try again.
        </Banner>
      ) : null}
      {more ?? <LoadMoreButton query={query} />}
    </>
  );
}
