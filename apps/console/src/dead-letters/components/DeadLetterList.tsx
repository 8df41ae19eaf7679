import { type ReactNode, useMemo } from 'react';
import { RunsSkeleton } from '@/runs/components/RunsSkeleton';
import { ErrorState } from '@/shared/components/ErrorState';
import { formatNumber } from '@/shared/format/numbers';
import { type DeadLetterFilters, toDeadLetterFilter } from '../deadLetterFilters';
import { useDeadLetters } from '../hooks/useDeadLetters';
import { DeadLetterTable } from './DeadLetterTable';

interface DeadLetterListProps {
  filters: DeadLetterFilters;
  hasFilters: boolean;
  onClear: () => void;
}

/** Dead letters matching the URL's filters, newest failure first, a page at a time ("Load more"). */
export function DeadLetterList({ filters, hasFilters, onClear }: DeadLetterListProps) {
  const filter = useMemo(() => toDeadLetterFilter(filters), [filters]);
  const query = useDeadLetters(filter);
  const deadLetters = useMemo(() => query.data?.pages.flatMap((page) => page.deadLetters.edges.map((edge) => edge.node)) ?? [], [query.data]);

  let body: ReactNode;
  if (query.isPending) {
    body = <RunsSkeleton />;
  } else if (query.isError && deadLetters.length === 0) {
    body = <ErrorState title="Dead letters could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (deadLetters.length === 0) {
    body = hasFilters ? (
      <div className="state" role="status" aria-labelledby="dead-letters-none-match-title">
        <h3 id="dead-letters-none-match-title" className="state__title">
          No dead letters match these filters
        </h3>
        <p className="state__text">Widen the time range, pick another status or group, or clear the filters.</p>
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    ) : (
      <DeadLettersEmptyState />
    );
  } else {
    body = (
      <>
        <p className="catalog-count" role="status" aria-live="polite">
          {`Showing ${formatNumber(deadLetters.length)} ${deadLetters.length === 1 ? 'dead letter' : 'dead letters'}${query.hasNextPage ? ' — more below' : ''}`}
        </p>
        <DeadLetterTable deadLetters={deadLetters} />
        {query.isFetchNextPageError ? (
          <p className="banner banner--error" role="alert">
            The next page could not be loaded. Try again.
          </p>
        ) : null}
        {query.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </>
    );
  }
  return <div>{body}</div>;
}

/** Nothing pending anywhere: the best news the on-call can get. */
export function DeadLettersEmptyState() {
  return (
    <div className="state" role="status" aria-labelledby="dead-letters-empty-title">
      <h2 id="dead-letters-empty-title" className="state__title">
        No dead letters — nothing is waiting for you
      </h2>
      <p className="state__text">
        When a runtime gives up on a message, it hands it over here with its payload, error and correlation id, grouped with others that failed
        the same way.
      </p>
    </div>
  );
}
