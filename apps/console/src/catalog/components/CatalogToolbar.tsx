import type { ReactNode } from 'react';
import { AUTOMATION_TYPE_LABELS, LIFECYCLE_LABELS, RISK_DOMAIN_LABELS, type Option, optionsOf } from '@/shared/format/labels';
import { Button } from '@/shared/ui/Button';
import { CheckboxField, Field } from '@/shared/ui/Field';
import type { CatalogFilterName, CatalogFilters } from '../catalogFilters';
import styles from './Catalog.module.css';

interface CatalogToolbarProps {
  filters: CatalogFilters;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  /** Enter in the search box: search now rather than after the pause. */
  onSearchSubmit: () => void;
  onFilterChange: (name: CatalogFilterName, value: string) => void;
  onIncludeArchivedChange: (include: boolean) => void;
  onClear: () => void;
  hasFilters: boolean;
  teams: readonly { name: string; title: string }[];
  tags: readonly string[];
  systems: readonly string[];
}

function FilterSelect({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: CatalogFilterName;
  label: string;
  value: string;
  options: readonly Option<string>[];
  onChange: (name: CatalogFilterName, value: string) => void;
}) {
  const id = `catalog-filter-${name}`;
  // A value from a shared link that the facets no longer list is still shown, so the view explains itself.
  const withCurrent = value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  return (
    <Field id={id} label={label} compact>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(name, event.target.value)}>
          <option value="">Any</option>
          {withCurrent.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const plain = (values: readonly string[]): Option<string>[] => values.map((value) => ({ value, label: value }));

export function CatalogToolbar(props: CatalogToolbarProps): ReactNode {
  const { filters, onFilterChange } = props;
  return (
    <form
      role="search"
      className={styles.toolbar}
      aria-label="Find automations"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearchSubmit();
      }}
    >
      <Field id="catalog-search" label="Search automations" className={styles.search}>
        {(control) => (
          <input
            {...control}
            type="search"
            placeholder="Title, description or tag, e.g. invoice"
            value={props.searchText}
            onChange={(event) => props.onSearchTextChange(event.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className={styles.filters}>
        <FilterSelect name="owner" label="Owner" value={filters.owner} onChange={onFilterChange} options={props.teams.map((team) => ({ value: team.name, label: team.title }))} />
        <FilterSelect name="lifecycle" label="Lifecycle" value={filters.lifecycle} onChange={onFilterChange} options={optionsOf(LIFECYCLE_LABELS)} />
        <FilterSelect name="type" label="Type" value={filters.type} onChange={onFilterChange} options={optionsOf(AUTOMATION_TYPE_LABELS)} />
        <FilterSelect name="tag" label="Tag" value={filters.tag} onChange={onFilterChange} options={plain(props.tags)} />
        <FilterSelect name="system" label="System" value={filters.system} onChange={onFilterChange} options={plain(props.systems)} />
        <FilterSelect name="risk" label="Risk domain" value={filters.risk} onChange={onFilterChange} options={optionsOf(RISK_DOMAIN_LABELS)} />
        <CheckboxField id="catalog-include-archived" label="Show archived" compact>
          {(control) => <input {...control} type="checkbox" checked={filters.archived} onChange={(event) => props.onIncludeArchivedChange(event.target.checked)} />}
        </CheckboxField>
        {props.hasFilters ? (
          <Button variant="quiet" onClick={props.onClear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
