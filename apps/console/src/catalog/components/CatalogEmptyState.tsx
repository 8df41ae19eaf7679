import { Button, ButtonLink } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';

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
      <State role="status" aria-labelledby="catalog-empty-title">
        <StateTitle id="catalog-empty-title">No automations match {filterWords.length > 0 ? filterWords.join(', ') : 'these filters'}</StateTitle>
        <StateText>Try other words, or clear the filters to see the whole catalog.</StateText>
        <Button onClick={onClearFilters}>Clear filters</Button>
      </State>
    );
  }
  return (
    <State role="status" aria-labelledby="catalog-empty-title">
      <StateTitle id="catalog-empty-title">The catalog is empty</StateTitle>
      <StateText>Every automation deserves an owner, an SLA, a KPI story and a runbook. Register one here, or add a YAML file under catalog/ in Git and let it sync.</StateText>
      {canRegister ? (
        <ButtonLink variant="primary" to="/automations/new">
          Register automation
        </ButtonLink>
      ) : null}
    </State>
  );
}
