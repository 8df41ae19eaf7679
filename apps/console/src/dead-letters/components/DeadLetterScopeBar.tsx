import { useAutomationOptions } from '@/catalog/hooks/useAutomationOptions';
import { FilterBar } from '@/shared/components/filters/FilterBar';
import { DEAD_LETTER_STATUS_LABELS, optionsOf } from '@/shared/format/labels';
import { Field } from '@/shared/ui/Field';
import { type DeadLetterFilterName, type DeadLetterFilters, NEEDS_ACTION } from '../deadLetterFilters';

const STATUSES = optionsOf(DEAD_LETTER_STATUS_LABELS);
const ALL_AUTOMATIONS = {};

interface DeadLetterScopeBarProps {
  filters: DeadLetterFilters;
  onFilterChange: (name: DeadLetterFilterName, value: string) => void;
}

/** Automation and status: they narrow the groups and the list alike. */
export function DeadLetterScopeBar({ filters, onFilterChange }: DeadLetterScopeBarProps) {
  const options = useAutomationOptions(ALL_AUTOMATIONS);
  const choices = options.data ?? [];
  const withCurrent =
    filters.automation && !choices.some((choice) => choice.slug === filters.automation) ? [...choices, { slug: filters.automation, title: filters.automation }] : choices;
  return (
    <FilterBar label="Choose automation and status">
      <Field id="dead-letters-filter-automation" label="Automation" compact>
        {(control) => (
          <select {...control} value={filters.automation} onChange={(event) => onFilterChange('automation', event.target.value)}>
            <option value="">All automations</option>
            {withCurrent.map((choice) => (
              <option key={choice.slug} value={choice.slug}>
                {choice.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="dead-letters-filter-status" label="Status" compact>
        {(control) => (
          <select {...control} value={filters.status} onChange={(event) => onFilterChange('status', event.target.value)}>
            <option value={NEEDS_ACTION}>Needs action (pending or failed again)</option>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            <option value="any">Any status</option>
          </select>
        )}
      </Field>
    </FilterBar>
  );
}
