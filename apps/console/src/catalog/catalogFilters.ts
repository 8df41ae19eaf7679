import type { AutomationFilter, AutomationType, Lifecycle, RiskDomain } from '@/gql/graphql';
import { AUTOMATION_TYPE_LABELS, LIFECYCLE_LABELS, RISK_DOMAIN_LABELS, isOneOf } from '@/shared/format/labels';

/** The catalog's filters, as they live in the URL query string (so a link shares the view). */
export interface CatalogFilters {
  q: string;
  owner: string;
  lifecycle: Lifecycle | '';
  type: AutomationType | '';
  tag: string;
  system: string;
  risk: RiskDomain | '';
  archived: boolean;
}

export type CatalogFilterName = Exclude<keyof CatalogFilters, 'archived'>;

export const EMPTY_FILTERS: CatalogFilters = {
  q: '',
  owner: '',
  lifecycle: '',
  type: '',
  tag: '',
  system: '',
  risk: '',
  archived: false,
};

export function filtersFromSearchParams(params: URLSearchParams): CatalogFilters {
  const lifecycle = params.get('lifecycle');
  const type = params.get('type');
  const risk = params.get('risk');
  return {
    q: params.get('q')?.trim() ?? '',
    owner: params.get('owner') ?? '',
    lifecycle: isOneOf(LIFECYCLE_LABELS, lifecycle) ? lifecycle : '',
    type: isOneOf(AUTOMATION_TYPE_LABELS, type) ? type : '',
    tag: params.get('tag') ?? '',
    system: params.get('system') ?? '',
    risk: isOneOf(RISK_DOMAIN_LABELS, risk) ? risk : '',
    archived: params.get('archived') === '1',
  };
}

/** The api's filter: only what is set, so equal views share one cache entry. */
export function toAutomationFilter(filters: CatalogFilters): AutomationFilter {
  const filter: AutomationFilter = {};
  if (filters.q) {
    filter.search = filters.q;
  }
  if (filters.owner) {
    filter.owner = filters.owner;
  }
  if (filters.lifecycle) {
    filter.lifecycle = filters.lifecycle;
  }
  if (filters.type) {
    filter.type = filters.type;
  }
  if (filters.tag) {
    filter.tag = filters.tag;
  }
  if (filters.system) {
    filter.system = filters.system;
  }
  if (filters.risk) {
    filter.riskDomain = filters.risk;
  }
  if (filters.archived) {
    filter.includeArchived = true;
  }
  return filter;
}

/** The filters in words, for the empty state: ['“invoice”', 'owner finance-ops', 'lifecycle Production']. */
export function describeFilters(filters: CatalogFilters): string[] {
  const parts: string[] = [];
  if (filters.q) {
    parts.push(`“${filters.q}”`);
  }
  if (filters.owner) {
    parts.push(`owner ${filters.owner}`);
  }
  if (filters.lifecycle) {
    parts.push(`lifecycle ${LIFECYCLE_LABELS[filters.lifecycle]}`);
  }
  if (filters.type) {
    parts.push(`type ${AUTOMATION_TYPE_LABELS[filters.type]}`);
  }
  if (filters.tag) {
    parts.push(`tag ${filters.tag}`);
  }
  if (filters.system) {
    parts.push(`system ${filters.system}`);
  }
  if (filters.risk) {
    parts.push(`risk domain ${RISK_DOMAIN_LABELS[filters.risk]}`);
  }
  return parts;
}
