import type { ReactNode } from 'react';
import { Button } from '@/shared/ui/Button';
import styles from './FilterBar.module.css';

interface FilterBarProps {
  /** What the bar filters, for screen readers ("Filter runs"). */
  label: string;
  /** Something is chosen: "Clear filters" shows, and calls `onClear`. Leave both out when the bar places its own button. */
  hasFilters?: boolean;
  onClear?: () => void;
  children: ReactNode;
}

/** A list's filters in one row (a search landmark), with "Clear filters" once anything is chosen. Text fields apply themselves. */
export function FilterBar({ label, hasFilters = false, onClear, children }: FilterBarProps) {
  return (
    <form role="search" aria-label={label} className={styles.bar} onSubmit={(event) => event.preventDefault()}>
      {children}
      {hasFilters && onClear ? <ClearFiltersButton onClear={onClear} quiet /> : null}
    </form>
  );
}

export function ClearFiltersButton({ onClear, quiet = false }: { onClear: () => void; quiet?: boolean }) {
  return (
    <Button variant={quiet ? 'quiet' : 'secondary'} onClick={onClear}>
      Clear filters
    </Button>
  );
}
