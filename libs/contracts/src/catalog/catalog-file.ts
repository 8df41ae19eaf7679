import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, type Document, type Node } from 'yaml';
import { AUTOMATION_API_VERSION, automationV1, type AutomationV1 } from './automation.v1.js';
import { backstageDomainV1alpha1, type BackstageDomainV1alpha1 } from './backstage-domain.v1alpha1.js';
import { BACKSTAGE_API_VERSIONS } from './backstage-entity.js';
import { backstageGroupV1alpha1, type BackstageGroupV1alpha1 } from './backstage-group.v1alpha1.js';
import { backstageSystemV1alpha1, type BackstageSystemV1alpha1 } from './backstage-system.v1alpha1.js';
import { backstageUserV1alpha1, type BackstageUserV1alpha1 } from './backstage-user.v1alpha1.js';
import { unstorableStrings, yamlProblems } from './catalog-text.js';
import { ownerRef } from './common.js';
import { describeError, showValue, type FieldProblem } from './issues.js';
import { teamFromV1, type Team } from './team.js';
import { TEAM_API_VERSION, teamV1 } from './team.v1.js';

/** A problem in a catalog file: where it is, which field, what was found and what is allowed. */
export interface CatalogProblem extends FieldProblem {
  file: string;
  line: number;
  /** The column, where it tells more than the line (a YAML syntax error, a character in a value). */
  column?: number;
}

/** Something the catalog read and chose not to use, said in one line (a skipped entity, a dangling ref). */
export interface CatalogNote {
  file: string;
  line: number;
  message: string;
}

export interface Located<T> {
  file: string;
  line: number;
  value: T;
  /** The entity as written in its file (for Backstage entities, what an export writes back). */
  raw: Record<string, unknown>;
  /** The line of a field inside this entity, e.g. `['spec', 'runbooks', 0, 'path']`. */
  lineAt(path: readonly PropertyKey[]): number;
}

export type BackstageSystemLike = BackstageSystemV1alpha1 | BackstageDomainV1alpha1;

export interface ParsedCatalogFile {
  automations: Located<AutomationV1>[];
  /** Roundhouse Teams (roundhouse.dev/v1). */
  teams: Located<Team>[];
  /** Backstage Groups, Users, Systems and Domains: their refs are resolved against the whole catalog. */
  groups: Located<BackstageGroupV1alpha1>[];
  users: Located<BackstageUserV1alpha1>[];
  systems: Located<BackstageSystemLike>[];
  /**
   * The owner of each Automation that failed its schema but names a team ref that reads: checked
   * against the catalog's teams all the same, so one run reports both problems.
   */
  ownersOfInvalid: Located<{ owner: string }>[];
  notes: CatalogNote[];
  problems: CatalogProblem[];
}

/** The kinds a catalog file may hold, by apiVersion and kind. */
export const CATALOG_KINDS = [
  { apiVersions: [AUTOMATION_API_VERSION], kind: 'Automation', schema: automationV1 },
  { apiVersions: [TEAM_API_VERSION], kind: 'Team', schema: teamV1 },
  { apiVersions: BACKSTAGE_API_VERSIONS, kind: 'Group', schema: backstageGroupV1alpha1 },
  { apiVersions: BACKSTAGE_API_VERSIONS, kind: 'User', schema: backstageUserV1alpha1 },
  { apiVersions: BACKSTAGE_API_VERSIONS, kind: 'System', schema: backstageSystemV1alpha1 },
  { apiVersions: BACKSTAGE_API_VERSIONS, kind: 'Domain', schema: backstageDomainV1alpha1 },
] as const;

const KIND_LIST = CATALOG_KINDS.map((k) => `${k.apiVersions.join(' or ')} ${k.kind}`).join(', ');
const READ_KINDS = CATALOG_KINDS.map((k) => k.kind).join(', ');
/** Kinds only Roundhouse defines: written with another apiVersion they are a mistake, not someone else's entity. */
const ROUNDHOUSE_KINDS: readonly string[] = ['Automation', 'Team'];

/** `file:line[:column]: field: found …; allowed: …`, the place as editors and terminals open it. */
export function formatProblem(problem: CatalogProblem): string {
  const place = problem.column === undefined ? `${problem.file}:${problem.line}` : `${problem.file}:${problem.line}:${problem.column}`;
  return `${place}: ${problem.field}: found ${problem.found}; allowed: ${problem.allowed}`;
}

export function formatNote(note: CatalogNote): string {
  return `${note.file}:${note.line}: ${note.message}`;
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
  const result: ParsedCatalogFile = { automations: [], teams: [], groups: [], users: [], systems: [], ownersOfInvalid: [], notes: [], problems: [] };
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) {
    return result; // an empty file holds no entities
  }
  for (const doc of docs) {
    result.problems.push(...yamlProblems(doc.errors, text, lines).map((problem) => ({ file, ...problem })));
    if (doc.errors.length > 0 || doc.contents === null) {
      continue;
    }
    parseEntity(doc, lines, file, result);
  }
  return result;
}

/** The team key an invalid Automation's `spec.owner` names, when that ref reads (so it can be checked all the same). */
function ownerOfInvalid(kind: string, raw: Record<string, unknown>): string | undefined {
  if (kind !== 'Automation') {
    return undefined;
  }
  const owner = ownerRef.safeParse((raw['spec'] as { owner?: unknown } | undefined)?.owner);
  return owner.success ? owner.data : undefined;
}

/** What PostgreSQL would refuse inside apply's transaction (or silently change), refused here with its place. */
function unstorableProblems(doc: Document, lines: LineCounter, file: string, raw: Record<string, unknown>): CatalogProblem[] {
  return unstorableStrings(raw).map((unstorable) => {
    const offset = (doc.getIn(unstorable.path, true) as Node | undefined)?.range?.[0];
    return {
      file,
      line: lineOf(doc, lines, unstorable.path),
      ...(offset === undefined ? {} : { column: lines.linePos(offset).col }),
      field: unstorable.field,
      found: unstorable.found,
      allowed: 'text without NUL characters and with well-formed Unicode (the database cannot keep it)',
    };
  });
}

function parseEntity(doc: Document, lines: LineCounter, file: string, result: ParsedCatalogFile): void {
  const input: unknown = doc.toJS();
  const line = lineOf(doc, lines, []);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    result.problems.push({ file, line, field: '(entity)', found: showValue(input), allowed: `a mapping with apiVersion, kind, metadata and spec (${KIND_LIST})` });
    return;
  }
  const raw = input as Record<string, unknown>;
  const { apiVersion, kind } = raw;
  const known = CATALOG_KINDS.find((k) => (k.apiVersions as readonly unknown[]).includes(apiVersion) && k.kind === kind);
  if (known === undefined) {
    const ours = apiVersion === AUTOMATION_API_VERSION || (typeof kind === 'string' && ROUNDHOUSE_KINDS.includes(kind));
    if (typeof apiVersion === 'string' && typeof kind === 'string' && kind !== '' && !ours) {
      // Someone else's entity (Backstage's Location, Component, API, a custom kind): not ours to judge.
      const name = (raw['metadata'] as { name?: unknown } | undefined)?.name;
      result.notes.push({
        file,
        line: lineOf(doc, lines, ['kind']),
        message: `skipped ${kind}${typeof name === 'string' ? ` "${name}"` : ''} (${apiVersion}): Roundhouse reads ${READ_KINDS} and leaves other kinds to Backstage`,
      });
      return;
    }
    const field = typeof kind === 'string' && CATALOG_KINDS.some((k) => k.kind === kind) ? 'apiVersion' : typeof apiVersion === 'string' ? 'kind' : 'apiVersion';
    result.problems.push({ file, line: lineOf(doc, lines, [field]), field, found: `${showValue(apiVersion)} ${showValue(kind)}`, allowed: KIND_LIST });
    return;
  }
  const lineAt = (path: readonly PropertyKey[]) => lineOf(doc, lines, path);
  result.problems.push(...unstorableProblems(doc, lines, file, raw));
  const parsed = known.schema.safeParse(input);
  if (!parsed.success) {
    result.problems.push(...describeError(parsed.error, input, known.schema).map((problem) => ({ file, line: lineAt(pathOf(problem.field)), ...problem })));
    const owner = ownerOfInvalid(known.kind, raw);
    if (owner !== undefined) {
      result.ownersOfInvalid.push({ file, line, raw, lineAt, value: { owner } });
    }
    return;
  }
  const data = parsed.data;
  const located = { file, line, raw, lineAt };
  switch (data.kind) {
    case 'Automation':
      result.automations.push({ ...located, value: data });
      break;
    case 'Team':
      result.teams.push({ ...located, value: teamFromV1(data, raw) });
      break;
    case 'Group':
      result.groups.push({ ...located, value: data });
      break;
    case 'User':
      result.users.push({ ...located, value: data });
      break;
    case 'System':
    case 'Domain':
      result.systems.push({ ...located, value: data });
      break;
  }
}

/** Writes one entity as a catalog YAML document that `parseCatalogFile` reads back to the same value. */
export function stringifyCatalogEntity(entity: object): string {
  return stringify(entity, { lineWidth: 100, blockQuote: 'literal' });
}
