import type { AutomationInput, KpiInput, LinkInput, ReleaseInput, RunbookInput, RuntimeBindingInput, SloInput } from '@/gql/graphql';
import type { ApiFieldError } from '@/shared/graphql/ApiError';
import { type AutomationFormValues, type KpiValues, type RuntimeValues, SLO_EXTRA_FIELDS, type SloValues } from './formValues';
import { fieldPath } from './fieldPaths';

export type ConversionResult = { ok: true; input: AutomationInput } | { ok: false; problems: ApiFieldError[] };

/**
 * Reads typed text into values, noting what cannot be sent at all: a missing required field, or a
 * number that is not one. Everything else (slug format, URLs, durations, cross-field rules) is the
 * api's to judge, and its answer lands next to the same inputs.
 */
class Reader {
  readonly problems: ApiFieldError[] = [];

  required(path: string, value: string): string {
    const trimmed = value.trim();
    if (trimmed === '') {
      this.problems.push({ path, message: 'Required.' });
    }
    return trimmed;
  }

  optional(value: string): string | undefined {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  number(path: string, value: string, options: { integer?: boolean } = {}): number | undefined {
    const trimmed = value.trim();
    if (trimmed === '') {
      return undefined;
    }
    const parsed = Number(trimmed);
    if (!Number.isFinite(parsed)) {
      this.problems.push({ path, message: 'Enter a number, e.g. 99.5.', found: trimmed });
      return undefined;
    }
    if (options.integer && !Number.isInteger(parsed)) {
      this.problems.push({ path, message: 'Enter a whole number.', found: trimmed });
      return undefined;
    }
    return parsed;
  }

  requiredNumber(path: string, value: string): number {
    if (value.trim() === '') {
      this.problems.push({ path, message: 'Required.' });
      return 0;
    }
    return this.number(path, value) ?? 0;
  }
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function runtimeInput(read: Reader, runtime: RuntimeValues): RuntimeBindingInput | undefined {
  if (runtime.kind === '') {
    return undefined;
  }
  return {
    kind: runtime.kind,
    queue: read.optional(runtime.queue),
    deadLetterQueue: read.optional(runtime.deadLetterQueue),
    exchange: read.optional(runtime.exchange),
    routingKey: read.optional(runtime.routingKey),
    stream: read.optional(runtime.stream),
    consumer: read.optional(runtime.consumer),
    subject: read.optional(runtime.subject),
    serviceName: read.optional(runtime.serviceName),
    reprocessUrl: read.optional(runtime.reprocessUrl),
    signingSecret: read.optional(runtime.signingSecret),
    connection: read.optional(runtime.connection),
  };
}

function sloInput(read: Reader, slo: SloValues, index: number): SloInput {
  const path = (key: keyof SloInput) => fieldPath.slo(index, key);
  const uses = new Set(SLO_EXTRA_FIELDS[slo.indicator]);
  return {
    name: read.required(path('name'), slo.name),
    title: read.required(path('title'), slo.title),
    indicator: slo.indicator,
    objective: read.requiredNumber(path('objective'), slo.objective),
    threshold: uses.has('threshold') ? read.optional(slo.threshold) : undefined,
    percentile: uses.has('percentile') ? read.number(path('percentile'), slo.percentile, { integer: true }) : undefined,
    maxBacklog: uses.has('maxBacklog') ? read.number(path('maxBacklog'), slo.maxBacklog, { integer: true }) : undefined,
    window: read.optional(slo.window),
    runbook: read.optional(slo.runbook),
  };
}

function kpiInput(read: Reader, kpi: KpiValues, index: number): KpiInput {
  return {
    name: read.required(fieldPath.kpi(index, 'name'), kpi.name),
    title: read.required(fieldPath.kpi(index, 'title'), kpi.title),
    unit: read.required(fieldPath.kpi(index, 'unit'), kpi.unit),
    direction: kpi.direction,
    source: kpi.source,
    baseline: {
      value: read.number(fieldPath.kpiBaseline(index, 'value'), kpi.baseline.value),
      from: read.optional(kpi.baseline.from),
      to: read.optional(kpi.baseline.to),
      note: read.required(fieldPath.kpiBaseline(index, 'note'), kpi.baseline.note),
    },
    target: read.requiredNumber(fieldPath.kpi(index, 'target'), kpi.target),
    currency: read.optional(kpi.currency),
    money: kpi.money === '' ? undefined : kpi.money,
    minutesPerTouch: read.number(fieldPath.kpi(index, 'minutesPerTouch'), kpi.minutesPerTouch),
  };
}

export function toAutomationInput(values: AutomationFormValues): ConversionResult {
  const read = new Reader();
  const input: AutomationInput = {
    slug: read.required('slug', values.slug),
    title: read.required('title', values.title),
    description: read.required('description', values.description),
    type: values.type,
    lifecycle: values.lifecycle,
    owner: read.required('owner', values.owner),
    onCall: {
      name: read.required(fieldPath.onCall('name'), values.onCall.name),
      email: read.optional(values.onCall.email),
      slack: read.optional(values.onCall.slack),
      schedule: read.optional(values.onCall.schedule),
    },
    systems: list(values.systems),
    tags: list(values.tags),
    riskDomains: values.riskDomains,
    links: values.links.map((link, index): LinkInput => ({
      title: read.required(fieldPath.link(index, 'title'), link.title),
      url: read.required(fieldPath.link(index, 'url'), link.url),
      type: link.type,
    })),
    runtime: runtimeInput(read, values.runtime),
    slos: values.slos.map((slo, index) => sloInput(read, slo, index)),
    kpis: values.kpis.map((kpi, index) => kpiInput(read, kpi, index)),
    runbooks: values.runbooks.map((runbook, index): RunbookInput => ({
      id: read.required(fieldPath.runbook(index, 'id'), runbook.id),
      title: read.required(fieldPath.runbook(index, 'title'), runbook.title),
      // Markdown is kept exactly as written: indentation and trailing newlines matter.
      markdown: runbook.markdown.trim() === '' ? read.required(fieldPath.runbook(index, 'markdown'), '') : runbook.markdown,
    })),
    releases: values.releases.map((release, index): ReleaseInput => ({
      version: read.required(fieldPath.release(index, 'version'), release.version),
      date: read.required(fieldPath.release(index, 'date'), release.date),
      summary: read.required(fieldPath.release(index, 'summary'), release.summary),
      why: read.optional(release.why),
    })),
  };
  return read.problems.length > 0 ? { ok: false, problems: read.problems } : { ok: true, input };
}
