import { useCallback, useMemo } from 'react';
import { useViewer } from '@/auth/hooks/useViewer';
import { ListCount } from '@/shared/components/ListCount';
import { formatNumber } from '@/shared/format/numbers';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { ButtonLink } from '@/shared/ui/Button';
import { useTeams } from '@/teams/hooks/useTeams';
import { describeFilters, toAutomationFilter } from '../catalogFilters';
import { useCatalogAutomations } from '../hooks/useCatalogAutomations';
import { useCatalogFacets } from '../hooks/useCatalogFacets';
import { useCatalogFilters } from '../hooks/useCatalogFilters';
import { useCatalogSearch } from '../hooks/useCatalogSearch';
import { CatalogResults } from './CatalogResults';
import { CatalogToolbar } from './CatalogToolbar';

export function CatalogPage() {
  useDocumentTitle('Catalog');
  const { filters, setFilter, setIncludeArchived, clearFilters, hasFilters } = useCatalogFilters();
  const commitSearch = useCallback((value: string) => setFilter('q', value, { replace: true }), [setFilter]);
  const search = useCatalogSearch(filters.q, commitSearch);

  const filter = useMemo(() => toAutomationFilter(filters), [filters]);
  const automations = useCatalogAutomations(filter);
  const facets = useCatalogFacets();
  const teams = useTeams();
  const viewer = useViewer();

  const rows = useMemo(() => automations.data?.pages.flatMap((page) => page.automations.edges.map((edge) => edge.node)) ?? [], [automations.data]);
  const totalCount = automations.data?.pages.at(-1)?.automations.totalCount;

  const canRegister = viewer.data?.viewer.canRegister ?? false;
  const countText = totalCount === undefined ? '\u00a0' : `Showing ${formatNumber(rows.length)} of ${formatNumber(totalCount)} ${totalCount === 1 ? 'automation' : 'automations'}`;

  const clearAll = () => {
    search.setText('');
    clearFilters();
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Automation catalog</h1>
          <p className="muted">Every automation, its owner, its promises and its proof.</p>
        </div>
        {canRegister ? (
          <ButtonLink variant="primary" to="/automations/new">
            Register automation
          </ButtonLink>
        ) : null}
      </header>

      <CatalogToolbar
        filters={filters}
        searchText={search.text}
        onSearchTextChange={search.setText}
        onSearchSubmit={search.commitNow}
        onFilterChange={setFilter}
        onIncludeArchivedChange={setIncludeArchived}
        onClear={clearAll}
        hasFilters={hasFilters}
        teams={teams.data?.teams ?? []}
        tags={facets.data?.automationFacets.tags ?? []}
        systems={facets.data?.automationFacets.systems ?? []}
      />

      <section aria-labelledby="catalog-results-title">
        <h2 id="catalog-results-title" className="visually-hidden">
          Results
        </h2>
        <ListCount>{countText}</ListCount>
        <CatalogResults query={automations} rows={rows} filtered={hasFilters} filterWords={describeFilters(filters)} onClearFilters={clearAll} canRegister={canRegister} />
      </section>
    </div>
  );
}
