import type { KpiBaselineInput, KpiInput, LinkInput, OnCallInput, ReleaseInput, RunbookInput, RuntimeBindingInput, SloInput } from '@/gql/graphql';
import { type AutomationFormValues, SLO_EXTRA_FIELDS } from './formValues';

/*
 * Field paths name inputs exactly as the api names the problems it reports in
 * extensions.fields[].path: `slug`, `onCall.name`, `kpis[0].baseline.note`. The keys are typed from the
 * generated input types, so a renamed api field breaks the typecheck instead of an error's placement.
 */
export const fieldPath = {
  onCall: (key: keyof OnCallInput) => `onCall.${key}`,
  runtime: (key: keyof RuntimeBindingInput) => `runtime.${key}`,
  link: (index: number, key: keyof LinkInput) => `links[${index}].${key}`,
  slo: (index: number, key: keyof SloInput) => `slos[${index}].${key}`,
  kpi: (index: number, key: Exclude<keyof KpiInput, 'baseline'>) => `kpis[${index}].${key}`,
  kpiBaseline: (index: number, key: keyof KpiBaselineInput) => `kpis[${index}].baseline.${key}`,
  runbook: (index: number, key: keyof RunbookInput) => `runbooks[${index}].${key}`,
  release: (index: number, key: keyof ReleaseInput) => `releases[${index}].${key}`,
  item: (list: RepeatedList, index: number) => `${list}[${index}]`,
};

export type RepeatedList = 'links' | 'slos' | 'kpis' | 'runbooks' | 'releases';

export const ITEM_NOUNS: Record<RepeatedList, string> = {
  links: 'Link',
  slos: 'SLO',
  kpis: 'KPI',
  runbooks: 'Runbook',
  releases: 'Release',
};

function isRepeatedList(value: string | undefined): value is RepeatedList {
  return value !== undefined && Object.hasOwn(ITEM_NOUNS, value);
}

/** The visible label of each input, by path with the indexes taken out. Summary and inline use the same words. */
const FIELD_LABELS: Record<string, string> = {
  slug: 'Slug',
  title: 'Title',
  description: 'Description',
  type: 'Type',
  lifecycle: 'Lifecycle',
  owner: 'Owner team',
  onCall: 'On call',
  'onCall.name': 'On-call name',
  'onCall.email': 'On-call email',
  'onCall.slack': 'On-call Slack',
  'onCall.schedule': 'On-call schedule URL',
  systems: 'Systems',
  tags: 'Tags',
  riskDomains: 'Risk domains',
  runtime: 'Runtime binding',
  'runtime.kind': 'Runtime kind',
  'runtime.queue': 'Queue',
  'runtime.deadLetterQueue': 'Dead-letter queue',
  'runtime.exchange': 'Exchange',
  'runtime.routingKey': 'Routing key',
  'runtime.stream': 'JetStream stream',
  'runtime.consumer': 'JetStream consumer',
  'runtime.subject': 'Subject filter',
  'runtime.serviceName': 'OpenTelemetry service.name',
  'runtime.reprocessUrl': 'Reprocess URL',
  'runtime.signingSecret': 'Signing secret variable',
  'runtime.connection': 'Connection variable',
  links: 'Links',
  'links[].title': 'Link title',
  'links[].url': 'URL',
  'links[].type': 'Link type',
  slos: 'SLOs',
  'slos[].name': 'SLO name',
  'slos[].title': 'SLO title',
  'slos[].indicator': 'Indicator',
  'slos[].objective': 'Objective (%)',
  'slos[].threshold': 'Threshold',
  'slos[].percentile': 'Percentile',
  'slos[].maxBacklog': 'Max backlog',
  'slos[].window': 'Window',
  'slos[].runbook': 'Runbook',
  kpis: 'KPIs',
  'kpis[].name': 'KPI name',
  'kpis[].title': 'KPI title',
  'kpis[].unit': 'Unit',
  'kpis[].direction': 'Direction',
  'kpis[].source': 'Source',
  'kpis[].baseline': 'Baseline',
  'kpis[].baseline.value': 'Baseline value',
  'kpis[].baseline.from': 'Baseline from',
  'kpis[].baseline.to': 'Baseline to',
  'kpis[].baseline.note': 'Baseline note',
  'kpis[].target': 'Target',
  'kpis[].currency': 'Currency',
  'kpis[].money': 'Kind of money',
  'kpis[].minutesPerTouch': 'Minutes per touch',
  runbooks: 'Runbooks',
  'runbooks[].id': 'Runbook id',
  'runbooks[].title': 'Runbook title',
  'runbooks[].markdown': 'Markdown',
  releases: 'Releases',
  'releases[].version': 'Version',
  'releases[].date': 'Release date',
  'releases[].summary': 'Summary',
  'releases[].why': 'Why',
};

const withoutIndexes = (path: string): string => path.replace(/\[\d+\]/g, '[]');

function humanize(segment: string): string {
  const words = segment
    .replace(/\[\d+\]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label an input at this path carries: "Baseline note". */
export function labelFor(path: string): string {
  return FIELD_LABELS[withoutIndexes(path)] ?? humanize(path.split('.').at(-1) ?? path);
}

/** Where a problem is, for the summary: "KPI 1 › Baseline note". */
export function describePath(path: string): string {
  if (path === '') {
    return 'Automation';
  }
  const item = /^([a-z]+)\[(\d+)\](.*)$/.exec(path);
  const list = item?.[1];
  if (item && isRepeatedList(list)) {
    const noun = `${ITEM_NOUNS[list]} ${Number(item[2]) + 1}`;
    return item[3] ? `${noun} › ${labelFor(path)}` : noun;
  }
  return labelFor(path);
}

/** The DOM id of the input (or group) at a path: `kpis[0].baseline.note` → `field-kpis-0-baseline-note`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

/**
 * The api's path, in the form's notation. Accepts `input.` prefixes, dotted indexes (`kpis.0.note`)
 * and the catalog file's envelope (`metadata.name` is the slug; `spec.` and `metadata.` are dropped).
 */
export function normalizePath(raw: string): string {
  let path = raw.trim().replace(/^input\./, '');
  path = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  if (path === 'metadata.name') {
    return 'slug';
  }
  return path.replace(/^(metadata|spec)\./, '');
}

const parentOf = (path: string): string => path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');

/** Every input and group the form renders for these values. */
export function knownFieldPaths(values: AutomationFormValues): Set<string> {
  const paths = new Set<string>([
    'slug',
    'title',
    'description',
    'type',
    'lifecycle',
    'owner',
    'onCall',
    'systems',
    'tags',
    'riskDomains',
    'runtime',
    'runtime.kind',
    'links',
    'slos',
    'kpis',
    'runbooks',
    'releases',
  ]);
  (['name', 'email', 'slack', 'schedule'] as const).forEach((key) => paths.add(fieldPath.onCall(key)));
  if (values.runtime.kind !== '') {
    (['queue', 'deadLetterQueue', 'exchange', 'routingKey', 'stream', 'consumer', 'subject', 'serviceName', 'reprocessUrl', 'signingSecret', 'connection'] as const).forEach(
      (key) => paths.add(fieldPath.runtime(key)),
    );
  }
  values.links.forEach((_, index) => {
    paths.add(fieldPath.item('links', index));
    (['title', 'url', 'type'] as const).forEach((key) => paths.add(fieldPath.link(index, key)));
  });
  values.slos.forEach((slo, index) => {
    paths.add(fieldPath.item('slos', index));
    [...(['name', 'title', 'indicator', 'objective', 'window', 'runbook'] as const), ...SLO_EXTRA_FIELDS[slo.indicator]].forEach((key) => paths.add(fieldPath.slo(index, key)));
  });
  values.kpis.forEach((_, index) => {
    paths.add(fieldPath.item('kpis', index));
    paths.add(`kpis[${index}].baseline`);
    (['name', 'title', 'unit', 'direction', 'source', 'target', 'currency', 'money', 'minutesPerTouch'] as const).forEach((key) => paths.add(fieldPath.kpi(index, key)));
    (['value', 'from', 'to', 'note'] as const).forEach((key) => paths.add(fieldPath.kpiBaseline(index, key)));
  });
  values.runbooks.forEach((_, index) => {
    paths.add(fieldPath.item('runbooks', index));
    (['id', 'title', 'markdown'] as const).forEach((key) => paths.add(fieldPath.runbook(index, key)));
  });
  values.releases.forEach((_, index) => {
    paths.add(fieldPath.item('releases', index));
    (['version', 'date', 'summary', 'why'] as const).forEach((key) => paths.add(fieldPath.release(index, key)));
  });
  return paths;
}

/**
 * The input (or group) where a problem is shown: the path itself when the form renders it, else its
 * nearest rendered parent (`systems[2]` → `systems`); '' when only the summary can show it.
 */
export function errorTarget(path: string, known: ReadonlySet<string>): string {
  let current = path;
  while (current !== '' && !known.has(current)) {
    const parent = parentOf(current);
    current = parent === current ? '' : parent;
  }
  return current;
}
