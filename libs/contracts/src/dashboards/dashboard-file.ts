import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { z } from 'zod';
import { lineOf, type CatalogProblem, type Located } from '../catalog/catalog-file.js';
import { describeIssue, formatPath, showValue } from '../catalog/issues.js';
import { DASHBOARD_API_VERSION, DASHBOARD_PANELS, DASHBOARD_PANEL_KINDS, dashboardV1, type DashboardV1 } from './dashboard.v1.js';

/**
 * Dashboard files (`dashboards/*.yaml`), read like catalog files: one or more `---`-separated
 * documents, each validated against its versioned schema, and every problem named by file, line,
 * field, what was found and what is allowed (the same `CatalogProblem`, worded by the same
 * `describeIssue` as the catalog's, and printed by the same `formatProblem`).
 */
export interface ParsedDashboardFile {
  dashboards: Located<DashboardV1>[];
  problems: CatalogProblem[];
}

const KIND_TEXT = `${DASHBOARD_API_VERSION} Dashboard`;

/** An unknown field in a panel: list the fields of that panel's kind (the generic wording cannot see into the union). */
function panelFieldsAllowed(input: unknown, path: readonly PropertyKey[]): string | null {
  if (path.length !== 3 || path[0] !== 'spec' || path[1] !== 'panels' || typeof path[2] !== 'number') {
    return null;
  }
  const panels = (input as { spec?: { panels?: unknown } }).spec?.panels;
  const kind = Array.isArray(panels) ? (panels[path[2]] as { kind?: unknown } | undefined)?.kind : undefined;
  const schema = DASHBOARD_PANEL_KINDS.find((known) => known === kind);
  return schema === undefined ? null : `the fields of a ${schema} panel: ${Object.keys(DASHBOARD_PANELS[schema].shape).join(', ')}`;
}

function problemsOf(issue: z.core.$ZodIssue, input: unknown, doc: Document, lines: LineCounter, file: string): CatalogProblem[] {
  return describeIssue(issue, input, dashboardV1).map((problem, index) => {
    if (issue.code !== 'unrecognized_keys') {
      return { file, line: lineOf(doc, lines, issue.path), ...problem };
    }
    const allowed = panelFieldsAllowed(input, issue.path) ?? problem.allowed;
    return { file, line: lineOf(doc, lines, [...issue.path, issue.keys[index] ?? '']), ...problem, allowed };
  });
}

function parseDocument(doc: Document, lines: LineCounter, file: string, result: ParsedDashboardFile): void {
  const input: unknown = doc.toJS();
  const line = lineOf(doc, lines, []);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    result.problems.push({ file, line, field: '(entity)', found: showValue(input), allowed: `a mapping with apiVersion, kind, metadata and spec (${KIND_TEXT})` });
    return;
  }
  const { apiVersion, kind } = input as { apiVersion?: unknown; kind?: unknown };
  if (apiVersion !== DASHBOARD_API_VERSION || kind !== 'Dashboard') {
    const field = apiVersion === DASHBOARD_API_VERSION ? 'kind' : 'apiVersion';
    result.problems.push({ file, line: lineOf(doc, lines, [field]), field, found: `${showValue(apiVersion)} ${showValue(kind)}`, allowed: KIND_TEXT });
    return;
  }
  const parsed = dashboardV1.safeParse(input);
  if (!parsed.success) {
    result.problems.push(...parsed.error.issues.flatMap((issue) => problemsOf(issue, input, doc, lines, file)));
    return;
  }
  result.dashboards.push({ file, line, value: parsed.data, raw: input as Record<string, unknown>, lineAt: (path) => lineOf(doc, lines, path) });
}

/**
 * Parses one dashboard YAML file and validates each dashboard in it. Problems name the file, the
 * line, the field, what was found and what is allowed; `formatProblem` prints them.
 */
export function parseDashboardFile(text: string, file: string): ParsedDashboardFile {
  const lines = new LineCounter();
  const result: ParsedDashboardFile = { dashboards: [], problems: [] };
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) {
    return result; // an empty file holds no dashboards
  }
  for (const doc of docs) {
    for (const error of doc.errors) {
      result.problems.push({ file, line: lines.linePos(error.pos[0]).line, field: '(file)', found: error.message.split('\n')[0] ?? 'invalid YAML', allowed: 'valid YAML' });
    }
    if (doc.errors.length === 0 && doc.contents !== null) {
      parseDocument(doc, lines, file, result);
    }
  }
  return result;
}

/** What dashboards may refer to: automations by slug with the names of their KPIs, and teams. */
export interface DashboardReferences {
  automations: ReadonlyMap<string, readonly string[]>;
  /** When given, the dashboard's owner must be one of these teams. */
  teams?: ReadonlySet<string>;
}

function listOrNone(names: Iterable<string>): string {
  return [...names].sort().join(', ') || 'none';
}

/**
 * What only the catalog can tell about a valid dashboard: every automation it names exists, every
 * KPI belongs to that automation, its owner is a team. Problems point at the field's line.
 */
export function checkDashboardReferences(dashboard: Located<DashboardV1>, references: DashboardReferences): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const problem = (path: PropertyKey[], found: unknown, allowed: string) =>
    problems.push({ file: dashboard.file, line: dashboard.lineAt(path), field: formatPath(path), found: showValue(found), allowed });
  const automationNames = references.automations.keys();
  const { owner } = dashboard.value.metadata;
  if (references.teams !== undefined && !references.teams.has(owner)) {
    problem(['metadata', 'owner'], owner, `a team defined in the catalog (${listOrNone(references.teams)})`);
  }
  const allowedAutomations = `an automation in the catalog (${listOrNone(automationNames)})`;
  dashboard.value.spec.panels.forEach((panel, index) => {
    const at: PropertyKey[] = ['spec', 'panels', index];
    if (panel.kind === 'kpi_before_after' || panel.kind === 'kpi_trend') {
      const kpis = references.automations.get(panel.automation);
      if (kpis === undefined) {
        problem([...at, 'automation'], panel.automation, allowedAutomations);
      } else if (!kpis.includes(panel.kpi)) {
        problem([...at, 'kpi'], panel.kpi, `a KPI of ${panel.automation} (${listOrNone(kpis)})`);
      }
      return;
    }
    panel.automations.forEach((automation, position) => {
      if (!references.automations.has(automation)) {
        problem([...at, 'automations', position], automation, allowedAutomations);
      }
    });
  });
  return problems;
}
