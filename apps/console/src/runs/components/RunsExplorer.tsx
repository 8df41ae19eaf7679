import { type ReactNode, useMemo } from 'react';
import { ErrorState } from '@/shared/components/ErrorState';
import { NoneMatchState } from '@/shared/components/filters/NoneMatchState';
import { ShownCount } from '@/shared/components/filters/ShownCount';
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
      <NoneMatchState id="runs-empty-title" title="No runs match these filters" hint="Widen the time range, pick another status, or clear the filters." onClear={clearFilters} />
    ) : (
      emptyState
    );
  } else {
    body = (
      <>
        <ShownCount count={runs.length} noun={['run', 'runs']} more={query.hasNextPage} />
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
