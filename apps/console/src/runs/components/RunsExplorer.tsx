import { type ReactNode, useMemo } from 'react';
import { ErrorState } from '@/shared/components/ErrorState';
import { formatNumber } from '@/shared/format/numbers';
import { useRunFilters } from '../hooks/useRunFilters';
import { useRuns } from '../hooks/useRuns';
import { toRunFilter } from '../runFilters';
import { RunFiltersBar } from './RunFiltersBar';
import { RunsSkeleton } from './RunsSkeleton';
import { RunsTable } from './RunsTable';
import { LoadMore } from '@/shared/components/LoadMore';

interface RunsExplorerProps {
  /** Only this automation's runs; every automation's when not given. */
  automation?: string;
  /** What to say when nothing was ever reported (no filter set). */
  emptyState: ReactNode;
}

/** Runs, newest first, filtered from the URL, a page at a time ("Load more"). */
export function RunsExplorer({ automation, emptyState }: RunsExplorerProps) {
  const { filters, setFilter, clearFilters, hasFilters } = useRunFilters();
  const filter = useMemo(() => toRunFilter(filters, automation), [filters, automation]);
  const query = useRuns(filter);
  const runs = useMemo(() => query.data?.pages.flatMap((page) => page.runs.edges.map((edge) => edge.node)) ?? [], [query.data]);

  let body: ReactNode;
  if (query.isPending) {
    body = <RunsSkeleton />;
  } else if (query.isError && runs.length === 0) {
    body = <ErrorState title="Runs could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (runs.length === 0) {
    body = hasFilters ? (
      <div className="state" role="status" aria-labelledby="runs-empty-title">
        <h2 id="runs-empty-title" className="state__title">
          No runs match these filters
        </h2>
        <p className="state__text">Widen the time range, pick another status, or clear the filters.</p>
        <button type="button" className="button" onClick={clearFilters}>
          Clear filters
        </button>
      </div>
    ) : (
      emptyState
    );
  } else {
    body = (
      <>
        <p className="catalog-count" role="status" aria-live="polite">
          {`Showing ${formatNumber(runs.length)} ${runs.length === 1 ? 'run' : 'runs'}${query.hasNextPage ? ' — more below' : ''}`}
        </p>
        <RunsTable runs={runs} showAutomation={automation === undefined} />
        <LoadMore query={query} />
      </>
    );
  }

  return (
    <div className="stack">
      <RunFiltersBar filters={filters} onFilterChange={setFilter} onClear={clearFilters} hasFilters={hasFilters} />
      <div>{body}</div>
    </div>
  );
}
