import type { ReactNode } from 'react';

interface FilterBarProps {
  /** What the bar filters, for screen readers ("Filter runs"). */
  label: string;
  hasFilters: boolean;
  onClear: () => void;
  children: ReactNode;
}

/** A list's filters in one row (a search landmark), with "Clear filters" once anything is chosen. Text fields apply themselves. */
export function FilterBar({ label, hasFilters, onClear, children }: FilterBarProps) {
  return (
    <form role="search" aria-label={label} className="filter-bar" onSubmit={(event) => event.preventDefault()}>
      {children}
      {hasFilters ? <ClearFiltersButton onClear={onClear} quiet /> : null}
    </form>
  );
}

export function ClearFiltersButton({ onClear, quiet = false }: { onClear: () => void; quiet?: boolean }) {
  return (
    <button type="button" className={quiet ? 'button button--quiet' : 'button'} onClick={onClear}>
      Clear filters
    </button>
  );
}
