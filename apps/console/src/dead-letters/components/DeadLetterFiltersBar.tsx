import { FilterBar } from '@/shared/components/filters/FilterBar';
import { TextFilterField } from '@/shared/components/filters/TextFilterField';
import { TimeRangeFields } from '@/shared/components/filters/TimeRangeFields';
import type { DeadLetterFilterName, DeadLetterFilters } from '../deadLetterFilters';
import styles from './DeadLetterFiltersBar.module.css';

interface DeadLetterFiltersBarProps {
  filters: DeadLetterFilters;
  /** How the chosen group reads ("TimeoutError: …"), when it is among the groups shown. */
  groupLabel: string | undefined;
  onFilterChange: (name: DeadLetterFilterName, value: string) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** The list's own filters: the group, when of last failure, and words in the error. Times in the viewer's time zone. */
export function DeadLetterFiltersBar({ filters, groupLabel, onFilterChange, onClear, hasFilters }: DeadLetterFiltersBarProps) {
  return (
    <FilterBar label="Filter dead letters" hasFilters={hasFilters} onClear={onClear}>
      {filters.request ? (
        <div className={styles.group}>
          <span className={styles.label}>Request</span>
          <span className="chip">
            Sent back by request #{filters.request}
            <button type="button" className={styles.remove} aria-label="Show dead letters of every request" onClick={() => onFilterChange('request', '')}>
              ×
            </button>
          </span>
        </div>
      ) : null}
      {filters.fingerprint ? (
        <div className={styles.group}>
          <span className={styles.label}>Group</span>
          <span className="chip" title={filters.fingerprint}>
            {groupLabel ?? filters.fingerprint}
            <button type="button" className={styles.remove} aria-label="Show every group" onClick={() => onFilterChange('fingerprint', '')}>
              ×
            </button>
          </span>
        </div>
      ) : null}
      <TimeRangeFields idPrefix="dead-letters-filter" fromLabel="Last failed from" toLabel="Last failed before" from={filters.from} to={filters.to} onChange={onFilterChange} />
      <TextFilterField
        id="dead-letters-filter-q"
        label="Text in the error"
        placeholder="e.g. 429 or CUST-88213"
        value={filters.q}
        onCommit={(value) => onFilterChange('q', value)}
        wide
      />
    </FilterBar>
  );
}
