import type { CatalogAutomationFragment } from '@/gql/graphql';
import { ErrorState } from '@/shared/components/ErrorState';
import type { useCatalogAutomations } from '../hooks/useCatalogAutomations';
import { AutomationTable } from './AutomationTable';
import { CatalogEmptyState } from './CatalogEmptyState';
import { CatalogSkeleton } from './CatalogSkeleton';
import { LoadMore } from '@/shared/components/LoadMore';

interface CatalogResultsProps {
  query: ReturnType<typeof useCatalogAutomations>;
  rows: readonly CatalogAutomationFragment[];
  filtered: boolean;
  filterWords: readonly string[];
  onClearFilters: () => void;
  canRegister: boolean;
}

/** The list in each of its states: loading, failed, empty, or rows with "Load more". */
export function CatalogResults({ query, rows, filtered, filterWords, onClearFilters, canRegister }: CatalogResultsProps) {
  if (query.isPending) {
    return <CatalogSkeleton />;
  }
  if (query.isError && rows.length === 0) {
    return <ErrorState title="The catalog could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (rows.length === 0) {
    return <CatalogEmptyState filtered={filtered} filterWords={filterWords} onClearFilters={onClearFilters} canRegister={canRegister} />;
  }
  return (
    <>
      <AutomationTable automations={rows} />
      <LoadMore query={query} />
    </>
  );
}
