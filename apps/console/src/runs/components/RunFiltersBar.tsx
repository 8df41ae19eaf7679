import { FilterBar } from '@/shared/components/filters/FilterBar';
import { TextFilterField } from '@/shared/components/filters/TextFilterField';
import { TimeRangeFields } from '@/shared/components/filters/TimeRangeFields';
import { RUN_STATUS_LABELS, optionsOf } from '@/shared/format/labels';
import { Field } from '@/shared/ui/Field';
import type { RunFilterName, RunFilters } from '../runFilters';

interface RunFiltersBarProps {
  filters: RunFilters;
  onFilterChange: (name: RunFilterName, value: string) => void;
  onClear: () => void;
  hasFilters: boolean;
}

const STATUSES = optionsOf(RUN_STATUS_LABELS);

/** Status, time range and correlation id. Times are picked in the viewer's time zone and sent as instants. */
export function RunFiltersBar({ filters, onFilterChange, onClear, hasFilters }: RunFiltersBarProps) {
  return (
    <FilterBar label="Filter runs" hasFilters={hasFilters} onClear={onClear}>
      <Field id="runs-filter-status" label="Status" compact>
        {(control) => (
          <select {...control} value={filters.status} onChange={(event) => onFilterChange('status', event.target.value)}>
            <option value="">Any</option>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TimeRangeFields idPrefix="runs-filter" fromLabel="Started from" toLabel="Started before" from={filters.from} to={filters.to} onChange={onFilterChange} />
      <TextFilterField
        id="runs-filter-correlation"
        label="Correlation id"
        placeholder="e.g. an order or deal id"
        value={filters.correlation}
        onCommit={(value) => onFilterChange('correlation', value)}
        wide
      />
    </FilterBar>
  );
}
