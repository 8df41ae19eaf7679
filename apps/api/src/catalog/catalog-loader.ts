import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  firstInvalidUtf8,
  keyForMatching,
  parseCatalogFile,
  unstorableText,
  type AutomationV1,
  type CatalogNote,
  type CatalogProblem,
  type Located,
  type ParsedCatalogFile,
  type Person,
  type Team,
} from '@roundhouse/contracts';
import { definitionFromV1, type AutomationDefinition } from '../automations/index.js';
import { resolveOrg, type CatalogSystem } from './catalog-org.js';

export interface LoadedCatalog {
  teams: Located<Team>[];
  people: Located<Person>[];
  systems: Located<CatalogSystem>[];
  automations: Located<AutomationDefinition>[];
  /** What was read and not used, one line each (skipped kinds, refs to entities not in the catalog). */
  notes: CatalogNote[];
  problems: CatalogProblem[];
  fileCount: number;
}

/** A file as a person opens it: relative to the repository, or its full path when it lies outside (not `../../../tmp/…`). */
function shownPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.split(path.sep)[0] === '..' || path.isAbsolute(relative) ? path.resolve(file) : relative || '.';
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function duplicates<T>(items: Located<T>[], key: (value: T) => string, what: string, field: PropertyKey[]): CatalogProblem[] {
  const first = new Map<string, Located<T>>();
  const problems: CatalogProblem[] = [];
  for (const item of items) {
    const name = key(item.value);
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, item);
      continue;
    }
    problems.push({
      file: item.file,
      line: item.lineAt(field),
      field: field.join('.'),
      found: `a second ${what} "${name}" (the first is in ${earlier.file}:${earlier.line})`,
      allowed: `one ${what} per name across the catalog`,
    });
  }
  return problems;
}

/**
 * Reads every YAML file under `dir`, validates each entity against its contract, then checks what
 * only the whole catalog can tell: unique names, the org's refs (resolveOrg), owners and systems that
 * exist, runbook files that exist. File names in problems are relative to `root` (the repository),
 * as a person would open them.
 */
export async function loadCatalog(dir: string, root: string): Promise<LoadedCatalog> {
  const files = existsSync(dir) ? await yamlFiles(dir) : [];
  const all: Omit<ParsedCatalogFile, 'problems' | 'notes'> = { automations: [], teams: [], groups: [], users: [], systems: [], ownersOfInvalid: [] };
  const problems: CatalogProblem[] = [];
  const notes: CatalogNote[] = [];
  if (!existsSync(dir)) {
    // Read as an empty catalog, a mistyped folder would archive every team and automation.
    problems.push({
      file: shownPath(root, dir),
      line: 1,
      field: '(folder)',
      found: 'no such folder',
      allowed: 'the catalog folder (ROUNDHOUSE_CATALOG_DIR, or the folder given to the command)',
    });
  }
  for (const file of files) {
    const bytes = await readFile(file);
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) {
      problems.push({ file: shownPath(root, file), ...invalid, field: '(file)', found: 'bytes that are not UTF-8', allowed: 'a UTF-8 text file (save it as UTF-8)' });
    }
    const parsed = parseCatalogFile(bytes.toString('utf8'), shownPath(root, file));
    problems.push(...parsed.problems);
    notes.push(...parsed.notes);
    all.automations.push(...parsed.automations);
    all.teams.push(...parsed.teams);
    all.groups.push(...parsed.groups);
    all.users.push(...parsed.users);
    all.systems.push(...parsed.systems);
    all.ownersOfInvalid.push(...parsed.ownersOfInvalid);
  }
  const org = resolveOrg(all);
  const result: LoadedCatalog = {
    teams: org.teams,
    people: org.people,
    systems: org.systems,
    automations: [],
    notes: [...notes, ...org.notes],
    problems: [...problems, ...org.problems],
    fileCount: files.length,
  };
  result.problems.push(...duplicates(all.automations, (a) => a.metadata.name, 'automation', ['metadata', 'name']));
  const teamKeys = new Map(result.teams.map((t) => [keyForMatching(t.value.name), t.value.name]));
  const systemKeys = new Map(result.systems.filter((s) => s.value.kind === 'System').map((s) => [keyForMatching(s.value.name), s.value.name]));
  for (const entity of all.ownersOfInvalid) {
    ownerOf(entity, entity.value.owner, teamKeys, result.problems);
  }
  // Each runbook file is read and checked once, however many automations share it.
  const runbookText = new Map<string, { text: string; problem?: CatalogProblem }>();
  for (const entity of all.automations) {
    const resolved = resolveRefs(entity, teamKeys, systemKeys, result.problems);
    let unusableRunbook = false;
    resolved.spec.runbooks.forEach((runbook, index) => {
      if (runbook.path === undefined) {
        return;
      }
      if (!existsSync(path.join(dir, runbook.path))) {
        unusableRunbook = true;
        result.problems.push({
          file: entity.file,
          line: entity.lineAt(['spec', 'runbooks', index, 'path']),
          field: `spec.runbooks[${index}].path`,
          found: `${JSON.stringify(runbook.path)}, which does not exist`,
          allowed: `a Markdown file inside ${shownPath(root, dir)}/`,
        });
        return;
      }
      let read = runbookText.get(runbook.path);
      if (read === undefined) {
        read = readRunbook(path.join(dir, runbook.path), shownPath(root, path.join(dir, runbook.path)));
        runbookText.set(runbook.path, read);
        result.problems.push(...(read.problem === undefined ? [] : [read.problem]));
      }
      unusableRunbook ||= read.problem !== undefined;
    });
    if (!unusableRunbook) {
      const definition = definitionFromV1(resolved, (file) => runbookText.get(file)?.text ?? '');
      result.automations.push({ ...entity, value: definition });
    }
  }
  return result;
}

/**
 * A runbook file's Markdown, or the problem the database would hit storing it (bytes that are not
 * UTF-8 change silently, a NUL fails the whole apply), with the file's line and column.
 */
function readRunbook(absolute: string, file: string): { text: string; problem?: CatalogProblem } {
  const bytes = readFileSync(absolute);
  const invalid = firstInvalidUtf8(bytes);
  const text = bytes.toString('utf8');
  if (invalid !== undefined) {
    return { text, problem: { file, ...invalid, field: '(file)', found: 'bytes that are not UTF-8', allowed: 'a UTF-8 text file (save it as UTF-8)' } };
  }
  const found = unstorableText(text);
  if (found === undefined) {
    return { text };
  }
  const before = text.slice(0, text.indexOf('\u0000')).split('\n');
  return {
    text,
    problem: {
      file,
      line: before.length,
      column: (before[before.length - 1]?.length ?? 0) + 1,
      field: '(file)',
      found,
      allowed: 'Markdown without NUL characters (the database cannot keep it)',
    },
  };
}

/** The key of the team an automation's `spec.owner` names, or a problem saying it is no team of the catalog. */
function ownerOf(entity: Pick<Located<unknown>, 'file' | 'lineAt'>, owner: string, teams: Map<string, string>, problems: CatalogProblem[]): string | undefined {
  const key = teams.get(keyForMatching(owner));
  if (key === undefined) {
    problems.push({
      file: entity.file,
      line: entity.lineAt(['spec', 'owner']),
      field: 'spec.owner',
      found: JSON.stringify(owner),
      allowed: `a team defined in the catalog (${[...teams.values()].sort().join(', ') || 'none yet'})`,
    });
  }
  return key;
}

/** The automation with its owner and system as the keys their entities are stored under (refs compare without case). */
function resolveRefs(entity: Located<AutomationV1>, teams: Map<string, string>, systems: Map<string, string>, problems: CatalogProblem[]): AutomationV1 {
  const { spec } = entity.value;
  const owner = ownerOf(entity, spec.owner, teams, problems);
  const system = spec.system === undefined ? undefined : systems.get(keyForMatching(spec.system));
  if (spec.system !== undefined && system === undefined) {
    problems.push({
      file: entity.file,
      line: entity.lineAt(['spec', 'system']),
      field: 'spec.system',
      found: JSON.stringify(spec.system),
      allowed: `a Backstage System defined in the catalog (${[...systems.values()].sort().join(', ') || 'none yet'})`,
    });
  }
  return { ...entity.value, spec: { ...spec, owner: owner ?? spec.owner, ...(system === undefined ? {} : { system }) } };
}
