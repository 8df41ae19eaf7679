import { Button, ButtonLink } from '@/shared/ui/Button';

interface CatalogEmptyStateProps {
  /** Whether any search or filter is active. */
  filtered: boolean;
  /** The active filters in words. */
  filterWords: readonly string[];
  onClearFilters: () => void;
  canRegister: boolean;
}

export function CatalogEmptyState({ filtered, filterWords, onClearFilters, canRegister }: CatalogEmptyStateProps) {
  if (filtered) {
    return (
      <div className="state" role="status" aria-labelledby="catalog-empty-title">
        <h2 id="catalog-empty-title" className="state__title">
          No automations match {filterWords.length > 0 ? filterWords.join(', ') : 'these filters'}
        </h2>
        <p className="state__text">Try other words, or clear the filters to see the whole catalog.</p>
        <Button onClick={onClearFilters}>Clear filters</Button>
      </div>
    );
  }
  return (
    <div className="state" role="status" aria-labelledby="catalog-empty-title">
      <h2 id="catalog-empty-title" className="state__title">
        The catalog is empty
      </h2>
      <p className="state__text">
        Every automation deserves an owner, an SLA, a KPI story and a runbook. Register one here, or add a YAML file under catalog/ in Git and let it sync.
      </p>
      {canRegister ? (
        <ButtonLink variant="primary" to="/automations/new">
          Register automation
        </ButtonLink>
      ) : null}
    </div>
  );
}
