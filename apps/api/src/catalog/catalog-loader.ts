import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogFile, type CatalogProblem, type Located, type Team } from '@roundhouse/contracts';
import { definitionFromV1, type AutomationDefinition } from '../automations/automation-definition.js';

export interface LoadedCatalog {
  teams: Located<Team>[];
  automations: Located<AutomationDefinition>[];
  problems: CatalogProblem[];
  fileCount: number;
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
 * only the whole catalog can tell: unique names, owners that exist, runbook files that exist.
 * File names in problems are relative to `root` (the repository), as a person would open them.
 */
export async function loadCatalog(dir: string, root: string): Promise<LoadedCatalog> {
  const files = existsSync(dir) ? await yamlFiles(dir) : [];
  const result: LoadedCatalog = { teams: [], automations: [], problems: [], fileCount: files.length };
  const entities = [];
  for (const file of files) {
    const parsed = parseCatalogFile(await readFile(file, 'utf8'), path.relative(root, file));
    result.problems.push(...parsed.problems);
    result.teams.push(...parsed.teams);
    entities.push(...parsed.automations);
  }
  result.problems.push(...duplicates(result.teams, (t) => t.name, 'team', ['metadata', 'name']));
  result.problems.push(...duplicates(entities, (a) => a.metadata.name, 'automation', ['metadata', 'name']));
  const teamNames = new Set(result.teams.map((t) => t.value.name));
  for (const entity of entities) {
    const { spec } = entity.value;
    if (!teamNames.has(spec.owner)) {
      result.problems.push({
        file: entity.file,
        line: entity.lineAt(['spec', 'owner']),
        field: 'spec.owner',
        found: JSON.stringify(spec.owner),
        allowed: `a team defined in the catalog (${[...teamNames].sort().join(', ') || 'none yet'})`,
      });
    }
    let missingRunbook = false;
    spec.runbooks.forEach((runbook, index) => {
      if (runbook.path !== undefined && !existsSync(path.join(dir, runbook.path))) {
        missingRunbook = true;
        result.problems.push({
          file: entity.file,
          line: entity.lineAt(['spec', 'runbooks', index, 'path']),
          field: `spec.runbooks[${index}].path`,
          found: `${JSON.stringify(runbook.path)}, which does not exist`,
          allowed: `a Markdown file inside ${path.relative(root, dir) || '.'}/`,
        });
      }
    });
    if (!missingRunbook) {
      const definition = definitionFromV1(entity.value, (file) => readFileSync(path.join(dir, file), 'utf8'));
      result.automations.push({ ...entity, value: definition });
    }
  }
  return result;
}
