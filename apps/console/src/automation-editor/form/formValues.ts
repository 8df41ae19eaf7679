import type { AutomationDetailFragment, AutomationType, KpiDirection, KpiMoneyKind, KpiSource, Lifecycle, LinkType, RiskDomain, RuntimeKind, SloIndicator } from '@/gql/graphql';

/*
 * What the form holds while someone types: every input as the string they typed (numbers too), so a
 * half-written "99." or an invalid value is never lost or silently rewritten. toAutomationInput turns
 * it into the api's AutomationInput on submit.
 */

/** A stable React key for a repeated item, independent of its index. */
export type ItemKey = string;

let nextKey = 0;
export function newItemKey(): ItemKey {
  nextKey += 1;
  return `item-${nextKey}`;
}

export interface OnCallValues {
  name: string;
  email: string;
  slack: string;
  schedule: string;
}

export interface LinkValues {
  key: ItemKey;
  title: string;
  url: string;
  type: LinkType;
}

export interface RuntimeValues {
  /** '' = no runtime binding. */
  kind: RuntimeKind | '';
  queue: string;
  deadLetterQueue: string;
  exchange: string;
  routingKey: string;
  /** NATS JetStream: stream, durable consumer and subject filter. */
  stream: string;
  consumer: string;
  subject: string;
  serviceName: string;
  reprocessUrl: string;
  /** Name of the environment variable holding the webhook signing secret. */
  signingSecret: string;
  connection: string;
}

export interface SloValues {
  key: ItemKey;
  name: string;
  title: string;
  indicator: SloIndicator;
  objective: string;
  threshold: string;
  percentile: string;
  maxBacklog: string;
  window: string;
  runbook: string;
}

export interface KpiBaselineValues {
  value: string;
  from: string;
  to: string;
  note: string;
}

export interface KpiValues {
  key: ItemKey;
  name: string;
  title: string;
  unit: string;
  direction: KpiDirection;
  source: KpiSource;
  baseline: KpiBaselineValues;
  target: string;
  currency: string;
  /** Saved, recovered or at stake; '' leaves it to be read from direction and unit. */
  money: KpiMoneyKind | '';
  minutesPerTouch: string;
}

export interface RunbookValues {
  key: ItemKey;
  id: string;
  title: string;
  markdown: string;
}

export interface ReleaseValues {
  key: ItemKey;
  version: string;
  date: string;
  summary: string;
  why: string;
}

export interface AutomationFormValues {
  slug: string;
  title: string;
  description: string;
  type: AutomationType;
  lifecycle: Lifecycle;
  owner: string;
  onCall: OnCallValues;
  /** Comma-separated, as typed. */
  systems: string;
  /** Comma-separated, as typed. */
  tags: string;
  riskDomains: RiskDomain[];
  links: LinkValues[];
  runtime: RuntimeValues;
  slos: SloValues[];
  kpis: KpiValues[];
  runbooks: RunbookValues[];
  releases: ReleaseValues[];
}

export type SloExtraField = 'threshold' | 'percentile' | 'maxBacklog';

/** Which of an SLO's optional inputs its indicator uses; the others are neither shown nor sent. */
export const SLO_EXTRA_FIELDS: Record<SloIndicator, readonly SloExtraField[]> = {
  success_rate: [],
  latency: ['threshold', 'percentile'],
  freshness: ['threshold'],
  dead_letter_backlog: ['maxBacklog'],
  dead_letter_age: ['threshold'],
};

export const EMPTY_RUNTIME: RuntimeValues = {
  kind: '',
  queue: '',
  deadLetterQueue: '',
  exchange: '',
  routingKey: '',
  stream: '',
  consumer: '',
  subject: '',
  serviceName: '',
  reprocessUrl: '',
  signingSecret: '',
  connection: '',
};

/** A new automation's form: owned by `owner`, with its team's on-call filled in when known. */
export function emptyFormValues(owner = '', teamOnCall?: { name: string; email: string | null; slack: string | null; schedule: string | null } | null): AutomationFormValues {
  return {
    slug: '',
    title: '',
    description: '',
    type: 'automation',
    lifecycle: 'experimental',
    owner,
    onCall: {
      name: teamOnCall?.name ?? '',
      email: teamOnCall?.email ?? '',
      slack: teamOnCall?.slack ?? '',
      schedule: teamOnCall?.schedule ?? '',
    },
    systems: '',
    tags: '',
    riskDomains: [],
    links: [],
    runtime: { ...EMPTY_RUNTIME },
    slos: [],
    kpis: [],
    runbooks: [],
    releases: [],
  };
}

export const newLink = (): LinkValues => ({ key: newItemKey(), title: '', url: '', type: 'dashboard' });

export const newSlo = (): SloValues => ({
  key: newItemKey(),
  name: '',
  title: '',
  indicator: 'success_rate',
  objective: '',
  threshold: '',
  percentile: '',
  maxBacklog: '',
  window: '30d',
  runbook: '',
});

export const newKpi = (): KpiValues => ({
  key: newItemKey(),
  name: '',
  title: '',
  unit: '',
  direction: 'lower_is_better',
  source: 'measurement',
  baseline: { value: '', from: '', to: '', note: '' },
  target: '',
  currency: '',
  money: '',
  minutesPerTouch: '',
});

export const newRunbook = (): RunbookValues => ({ key: newItemKey(), id: '', title: '', markdown: '' });

export const newRelease = (): ReleaseValues => ({ key: newItemKey(), version: '', date: '', summary: '', why: '' });

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The form, filled from an automation as the api returns it (for editing). */
export function formValuesFromAutomation(automation: AutomationDetailFragment): AutomationFormValues {
  return {
    slug: automation.slug,
    title: automation.title,
    description: automation.description,
    type: automation.type,
    lifecycle: automation.lifecycle,
    owner: automation.owner.name,
    onCall: {
      name: automation.onCall.name,
      email: text(automation.onCall.email),
      slack: text(automation.onCall.slack),
      schedule: text(automation.onCall.schedule),
    },
    systems: automation.systems.join(', '),
    tags: automation.tags.join(', '),
    riskDomains: [...automation.riskDomains],
    links: automation.links.map((link) => ({ key: newItemKey(), title: link.title, url: link.url, type: link.type })),
    runtime: automation.runtime
      ? {
          kind: automation.runtime.kind,
          queue: text(automation.runtime.queue),
          deadLetterQueue: text(automation.runtime.deadLetterQueue),
          exchange: text(automation.runtime.exchange),
          routingKey: text(automation.runtime.routingKey),
          stream: text(automation.runtime.stream),
          consumer: text(automation.runtime.consumer),
          subject: text(automation.runtime.subject),
          serviceName: text(automation.runtime.serviceName),
          reprocessUrl: text(automation.runtime.reprocessUrl),
          signingSecret: text(automation.runtime.signingSecret),
          connection: text(automation.runtime.connection),
        }
      : { ...EMPTY_RUNTIME },
    slos: automation.slos.map((slo) => ({
      key: newItemKey(),
      name: slo.name,
      title: slo.title,
      indicator: slo.indicator,
      objective: text(slo.objective),
      threshold: text(slo.threshold),
      percentile: text(slo.percentile),
      maxBacklog: text(slo.maxBacklog),
      window: slo.window,
      runbook: text(slo.runbook),
    })),
    kpis: automation.kpis.map((kpi) => ({
      key: newItemKey(),
      name: kpi.name,
      title: kpi.title,
      unit: kpi.unit,
      direction: kpi.direction,
      source: kpi.source,
      baseline: {
        value: text(kpi.baseline.value),
        from: text(kpi.baseline.from),
        to: text(kpi.baseline.to),
        note: kpi.baseline.note,
      },
      target: text(kpi.target),
      currency: text(kpi.currency),
      money: kpi.money ?? '',
      minutesPerTouch: text(kpi.minutesPerTouch),
    })),
    runbooks: automation.runbooks.map((runbook) => ({ key: newItemKey(), id: runbook.id, title: runbook.title, markdown: runbook.markdown })),
    releases: automation.releases.map((release) => ({
      key: newItemKey(),
      version: release.version,
      date: release.date,
      summary: release.summary,
      why: text(release.why),
    })),
  };
}

/** "Invoice generation from closed-won deals" → "invoice-generation-from-closed-won-deals". */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

/** The repeated sub-forms, by list name. */
export type RepeatedListValues = Pick<AutomationFormValues, 'links' | 'slos' | 'kpis' | 'runbooks' | 'releases'>;
