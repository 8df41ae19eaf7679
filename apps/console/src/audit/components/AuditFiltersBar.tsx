import { ClearFiltersButton, FilterBar } from '@/shared/components/filters/FilterBar';
import { TextFilterField } from '@/shared/components/filters/TextFilterField';
import { Banner } from '@/shared/ui/Banner';
import { Field } from '@/shared/ui/Field';
import type { AuditFilterName, AuditFilters } from '../auditFilters';
import { describeAction } from '../auditWords';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  /** The teams the viewer may filter on (their own; every team for admins). */
  teams: readonly string[];
  /** The actions recorded so far; empty while they load. */
  actions: readonly string[];
  rangeProblem: string | null;
  onFilterChange: (name: AuditFilterName, value: string) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** Who, what, which automation or team, and which days (UTC, the last one included); every choice goes to the URL. */
export function AuditFiltersBar({ filters, teams, actions, rangeProblem, onFilterChange, onClear, hasFilters }: AuditFiltersBarProps) {
  const actionChoices = filters.action !== '' && !actions.includes(filters.action) ? [filters.action, ...actions] : actions;
  return (
    <FilterBar label="Filter the audit trail">
      <TextFilterField
        id="audit-filter-automation"
        label="Automation"
        placeholder="e.g. invoice-generation"
        value={filters.automation}
        onCommit={(value) => onFilterChange('automation', value)}
      />
      <Field id="audit-filter-team" label="Team" compact>
        {(control) => (
          <select {...control} value={filters.team} onChange={(event) => onFilterChange('team', event.target.value)}>
            <option value="">Every team you may read</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextFilterField id="audit-filter-actor" label="Who" placeholder="e.g. omar or Omar Owner" value={filters.actor} onCommit={(value) => onFilterChange('actor', value)} />
      <Field id="audit-filter-action" label="What" compact>
        {(control) => (
          <select {...control} value={filters.action} onChange={(event) => onFilterChange('action', event.target.value)}>
            <option value="">Anything</option>
            {actionChoices.map((action) => (
              <option key={action} value={action}>
                {describeAction(action)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-filter-from" label="From (UTC)" compact>
        {(control) => <input {...control} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => onFilterChange('from', event.target.value)} />}
      </Field>
      <Field id="audit-filter-to" label="To, included (UTC)" compact>
        {(control) => <input {...control} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => onFilterChange('to', event.target.value)} />}
      </Field>
      {hasFilters ? <ClearFiltersButton onClear={onClear} quiet /> : null}
      {rangeProblem ? (
        <Banner tone="error" role="alert">
          {rangeProblem}
        </Banner>
      ) : null}
    </FilterBar>
  );
}
