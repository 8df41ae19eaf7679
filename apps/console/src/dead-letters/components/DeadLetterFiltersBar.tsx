import { useEffect, useState } from 'react';
import { fromLocalInput, toLocalInput } from '@/runs/runFilters';
import type { DeadLetterFilterName, DeadLetterFilters } from '../deadLetterFilters';

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
  // The text is applied on Enter or when the field is left, not on every keystroke.
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const commitText = () => {
    if (text.trim() !== filters.q) {
      onFilterChange('q', text.trim());
    }
  };

  return (
    <form
      role="search"
      aria-label="Filter dead letters"
      className="filter-bar"
      onSubmit={(event) => {
        event.preventDefault();
        commitText();
      }}
    >
      {filters.request ? (
        <div className="field field--compact dead-letter-filter-group">
          <span className="dead-letter-filter-group__label">Request</span>
          <span className="chip">
            Sent back by request #{filters.request}
            <button type="button" className="chip__remove" aria-label="Show dead letters of every request" onClick={() => onFilterChange('request', '')}>
              ×
            </button>
          </span>
        </div>
      ) : null}
      {filters.fingerprint ? (
        <div className="field field--compact dead-letter-filter-group">
          <span className="dead-letter-filter-group__label">Group</span>
          <span className="chip" title={filters.fingerprint}>
            {groupLabel ?? filters.fingerprint}
            <button type="button" className="chip__remove" aria-label="Show every group" onClick={() => onFilterChange('fingerprint', '')}>
              ×
            </button>
          </span>
        </div>
      ) : null}
      <div className="field field--compact">
        <label htmlFor="dead-letters-filter-from">Last failed from</label>
        <input
          id="dead-letters-filter-from"
          type="datetime-local"
          value={toLocalInput(filters.from)}
          onChange={(event) => onFilterChange('from', fromLocalInput(event.target.value))}
        />
      </div>
      <div className="field field--compact">
        <label htmlFor="dead-letters-filter-to">Last failed before</label>
        <input
          id="dead-letters-filter-to"
          type="datetime-local"
          value={toLocalInput(filters.to)}
          onChange={(event) => onFilterChange('to', fromLocalInput(event.target.value))}
        />
      </div>
      <div className="field field--compact filter-bar__wide">
        <label htmlFor="dead-letters-filter-q">Text in the error</label>
        <input
          id="dead-letters-filter-q"
          type="search"
          placeholder="e.g. 429 or CUST-88213"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={commitText}
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
