import { useEffect, useState } from 'react';
import { RUN_STATUS_LABELS, optionsOf } from '@/shared/format/labels';
import { type RunFilterName, type RunFilters, fromLocalInput, toLocalInput } from '../runFilters';

interface RunFiltersBarProps {
  filters: RunFilters;
  onFilterChange: (name: RunFilterName, value: string) => void;
  onClear: () => void;
  hasFilters: boolean;
}

const STATUSES = optionsOf(RUN_STATUS_LABELS);

/** Status, time range and correlation id. Times are picked in the viewer's time zone and sent as instants. */
export function RunFiltersBar({ filters, onFilterChange, onClear, hasFilters }: RunFiltersBarProps) {
  // The correlation id is applied on Enter or when the field is left, not on every keystroke.
  const [correlation, setCorrelation] = useState(filters.correlation);
  useEffect(() => setCorrelation(filters.correlation), [filters.correlation]);
  const commitCorrelation = () => {
    if (correlation.trim() !== filters.correlation) {
      onFilterChange('correlation', correlation.trim());
    }
  };

  return (
    <form
      role="search"
      aria-label="Filter runs"
      className="filter-bar"
      onSubmit={(event) => {
        event.preventDefault();
        commitCorrelation();
      }}
    >
      <div className="field field--compact">
        <label htmlFor="runs-filter-status">Status</label>
        <select id="runs-filter-status" value={filters.status} onChange={(event) => onFilterChange('status', event.target.value)}>
          <option value="">Any</option>
          {STATUSES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor="runs-filter-from">Started from</label>
        <input
          id="runs-filter-from"
          type="datetime-local"
          value={toLocalInput(filters.from)}
          onChange={(event) => onFilterChange('from', fromLocalInput(event.target.value))}
        />
      </div>
      <div className="field field--compact">
        <label htmlFor="runs-filter-to">Started before</label>
        <input
          id="runs-filter-to"
          type="datetime-local"
          value={toLocalInput(filters.to)}
          onChange={(event) => onFilterChange('to', fromLocalInput(event.target.value))}
        />
      </div>
      <div className="field field--compact filter-bar__wide">
        <label htmlFor="runs-filter-correlation">Correlation id</label>
        <input
          id="runs-filter-correlation"
          type="search"
          placeholder="e.g. an order or deal id"
          autoComplete="off"
          value={correlation}
          onChange={(event) => setCorrelation(event.target.value)}
          onBlur={commitCorrelation}
        />
      </div>
      {hasFilters ? (
        <button type="button" className="button button--quiet" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
