import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Document, type Node } from 'yaml';
import { AUTOMATION_API_VERSION, automationV1, type AutomationV1 } from './automation.v1.js';
import { BACKSTAGE_API_VERSION, backstageGroupV1alpha1 } from './backstage-group.v1alpha1.js';
import { describeError, showValue, type FieldProblem } from './issues.js';
import { teamFromBackstageGroup, teamFromV1, type Team } from './team.js';
import { TEAM_API_VERSION, teamV1 } from './team.v1.js';

/** A problem in a catalog file: where it is, which field, what was found and what is allowed. */
export interface CatalogProblem extends FieldProblem {
  file: string;
  line: number;
}

export interface Located<T> {
  file: string;
  line: number;
  value: T;
  /** The line of a field inside this entity, e.g. `['spec', 'runbooks', 0, 'path']`. */
  lineAt(path: readonly PropertyKey[]): number;
}

export interface ParsedCatalogFile {
  automations: Located<AutomationV1>[];
  teams: Located<Team>[];
  problems: CatalogProblem[];
}

/** The kinds a catalog file may hold, by apiVersion and kind. */
export const CATALOG_KINDS = [
  { apiVersion: AUTOMATION_API_VERSION, kind: 'Automation', schema: automationV1 },
  { apiVersion: TEAM_API_VERSION, kind: 'Team', schema: teamV1 },
  { apiVersion: BACKSTAGE_API_VERSION, kind: 'Group', schema: backstageGroupV1alpha1 },
] as const;

const KIND_LIST = CATALOG_KINDS.map((k) => `${k.apiVersion} ${k.kind}`).join(', ');

export function formatProblem(problem: CatalogProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: found ${problem.found}; allowed: ${problem.allowed}`;
}

function lineOfNode(lines: LineCounter, node: unknown): number | undefined {
  const offset = (node as Node | undefined)?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/**
 * The line of the field at `path`: its key's line in its mapping, or its item's line in a list. A
 * missing field is reported on the line of the nearest parent that is there. Shared by every file
 * read as code (catalog, dashboards).
 */
export function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 1; depth -= 1) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
    const key = path[depth - 1];
    let line: number | undefined;
    if (isMap(parent)) {
      line = lineOfNode(lines, parent.items.find((item) => isScalar(item.key) && item.key.value === key)?.key);
    } else if (isSeq(parent) && typeof key === 'number') {
      line = lineOfNode(lines, parent.items[key]);
    }
    if (line !== undefined) {
      return line;
    }
  }
  return lineOfNode(lines, doc.contents) ?? 1;
}

function pathOf(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Parses one catalog YAML file (one or more `---`-separated entities) and validates every entity
 * against its versioned schema. Problems name the file, the line, the field, what was found and
 * what is allowed.
 */
export function parseCatalogFile(text: string, file: string): ParsedCatalogFile {
  const lines = new LineCounter();
  const result: ParsedCatalogFile = { automations: [], teams: [], problems: [] };
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) {
    return result; // an empty file holds no entities
  }
  for (const doc of docs) {
    for (const error of doc.errors) {
      const line = lines.linePos(error.pos[0]).line;
      result.problems.push({ file, line, field: '(file)', found: error.message.split('\n')[0] ?? 'invalid YAML', allowed: 'valid YAML' });
    }
    if (doc.errors.length > 0 || doc.contents === null) {
      continue;
    }
    parseEntity(doc, lines, file, result);
  }
  return result;
}

function parseEntity(doc: Document, lines: LineCounter, file: string, result: ParsedCatalogFile): void {
  const input: unknown = doc.toJS();
  const line = lineOf(doc, lines, []);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    result.problems.push({ file, line, field: '(entity)', found: showValue(input), allowed: `a mapping with apiVersion, kind, metadata and spec (${KIND_LIST})` });
    return;
  }
  const { apiVersion, kind } = input as { apiVersion?: unknown; kind?: unknown };
  const known = CATALOG_KINDS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
  if (known === undefined) {
    const field = CATALOG_KINDS.some((k) => k.apiVersion === apiVersion) ? 'kind' : 'apiVersion';
    result.problems.push({
      file,
      line: lineOf(doc, lines, [field]),
      field,
      found: `${showValue(apiVersion)} ${showValue(kind)}`,
      allowed: KIND_LIST,
    });
    return;
  }
  const parsed = known.schema.safeParse(input);
  if (!parsed.success) {
    for (const problem of describeError(parsed.error, input, known.schema)) {
      const path = pathOf(problem.field);
      result.problems.push({ file, line: lineOf(doc, lines, path), ...problem });
    }
    return;
  }
  const data = parsed.data;
  const lineAt = (path: readonly PropertyKey[]) => lineOf(doc, lines, path);
  if (data.kind === 'Automation') {
    result.automations.push({ file, line, lineAt, value: data });
  } else if (data.kind === 'Team') {
    result.teams.push({ file, line, lineAt, value: teamFromV1(data) });
  } else {
    result.teams.push({ file, line, lineAt, value: teamFromBackstageGroup(data) });
  }
}

/** Writes one entity as a catalog YAML document that `parseCatalogFile` reads back to the same value. */
export function stringifyCatalogEntity(entity: object): string {
  return stringify(entity, { lineWidth: 100, blockQuote: 'literal' });
}
