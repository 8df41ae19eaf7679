import { AUTOMATION_API_VERSION, automationV1, describeError, stringifyCatalogEntity, type AutomationV1, type AutomationV1Input } from '@roundhouse/contracts';
import { InputError, type FieldError } from '../errors/domain-errors.js';
import type { AutomationDefinition, StoredRunbook } from './automation-row.js';
import type { AutomationInput } from './dto/automation.input.js';

export type { AutomationDefinition };

/** From a validated catalog entity; `markdownOf` reads a runbook file for `path` runbooks. */
export function definitionFromV1(entity: AutomationV1, markdownOf: (path: string) => string): AutomationDefinition {
  const { metadata, spec } = entity;
  const runbooks: StoredRunbook[] = spec.runbooks.map((r) =>
    r.path === undefined ? { id: r.id, title: r.title, markdown: r.markdown ?? '' } : { id: r.id, title: r.title, markdown: markdownOf(r.path), path: r.path },
  );
  return {
    slug: metadata.name,
    title: metadata.title,
    description: metadata.description,
    tags: metadata.tags,
    links: metadata.links,
    annotations: metadata.annotations ?? {},
    labels: metadata.labels ?? {},
    type: spec.type,
    lifecycle: spec.lifecycle,
    ownerTeam: spec.owner,
    onCall: spec.onCall,
    system: spec.system ?? null,
    systems: spec.systems,
    riskDomains: spec.riskDomains,
    runtime: spec.runtime ?? null,
    payloadPolicy: spec.payload ?? null,
    slos: spec.slos,
    kpis: spec.kpis,
    runbooks,
    releases: spec.releases,
  };
}

/**
 * To a catalog entity that validates and re-applies to the same definition. Runbooks travel inline,
 * or (`runbookFiles`, for a whole catalog export that writes the Markdown files beside it) by the
 * path they were read from.
 */
export function definitionToV1(definition: AutomationDefinition, options: { runbookFiles?: boolean } = {}): AutomationV1 {
  return {
    apiVersion: AUTOMATION_API_VERSION,
    kind: 'Automation',
    metadata: {
      name: definition.slug,
      title: definition.title,
      description: definition.description,
      tags: definition.tags,
      links: definition.links,
      ...(Object.keys(definition.annotations).length === 0 ? {} : { annotations: sortedKeys(definition.annotations) }),
      ...(Object.keys(definition.labels).length === 0 ? {} : { labels: sortedKeys(definition.labels) }),
    },
    spec: {
      type: definition.type,
      lifecycle: definition.lifecycle,
      owner: definition.ownerTeam,
      onCall: definition.onCall,
      ...(definition.system === null ? {} : { system: definition.system }),
      systems: definition.systems,
      riskDomains: definition.riskDomains,
      ...(definition.runtime === null ? {} : { runtime: definition.runtime }),
      ...(definition.payloadPolicy === null ? {} : { payload: definition.payloadPolicy }),
      slos: definition.slos,
      kpis: definition.kpis,
      runbooks: definition.runbooks.map(({ id, title, markdown, path }) => (options.runbookFiles === true && path !== undefined ? { id, title, path } : { id, title, markdown })),
      releases: definition.releases,
    },
  };
}

/** PostgreSQL's jsonb keeps its own key order: exports list annotations and labels by key. */
function sortedKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The definition as a catalog YAML document. Parsing it through the contract first puts every
 * field in the schema's order (PostgreSQL's jsonb does not keep it), so exports read like the files.
 */
export function definitionToYaml(definition: AutomationDefinition, options: { runbookFiles?: boolean } = {}): string {
  return stringifyCatalogEntity(automationV1.parse(definitionToV1(definition, options)));
}

/** GraphQL sends null for "not given"; the contract calls that absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** A contract path (`spec.kpis.0.baseline.note`) as the caller's input path (`kpis[0].baseline.note`). */
function inputPath(field: string): string {
  if (field === 'metadata.name') {
    return 'slug';
  }
  return field.replace(/^(metadata|spec)\.?/, '').replace(/(runbooks\[\d+\])\.path$/, '$1.markdown');
}

/**
 * Validates console input with the same Automation v1 contract the catalog files obey, so both
 * doors hold the same rules. Throws an InputError naming every bad field.
 */
export function definitionFromInput(input: AutomationInput): AutomationDefinition {
  const plain = withoutNulls(input) as AutomationInput;
  const candidate: AutomationV1Input = {
    apiVersion: AUTOMATION_API_VERSION,
    kind: 'Automation',
    metadata: { name: plain.slug, title: plain.title, description: plain.description, tags: plain.tags, links: plain.links as AutomationV1Input['metadata']['links'] },
    spec: {
      type: plain.type,
      lifecycle: plain.lifecycle,
      owner: plain.owner,
      onCall: plain.onCall,
      systems: plain.systems,
      riskDomains: plain.riskDomains,
      runtime: plain.runtime ?? undefined,
      payload: plain.payload ?? undefined,
      slos: plain.slos,
      kpis: plain.kpis,
      runbooks: plain.runbooks,
      releases: plain.releases,
    } as AutomationV1Input['spec'],
  };
  const parsed = automationV1.safeParse(candidate);
  if (!parsed.success) {
    const fields: FieldError[] = describeError(parsed.error, candidate, automationV1).map((problem) => ({
      path: inputPath(problem.field),
      message: `found ${problem.found}; allowed: ${problem.allowed}`,
      found: problem.found,
      allowed: problem.allowed,
    }));
    throw new InputError(`The automation is not valid: ${fields.map((f) => f.path).join(', ')}.`, fields);
  }
  return definitionFromV1(parsed.data, () => '');
}
