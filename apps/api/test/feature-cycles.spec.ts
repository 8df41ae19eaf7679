import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../src');
/** The shared kernel (eslint.config.mjs): one layer under every feature, which imports no feature. Its folders count as one. */
const KERNEL = new Set(['common', 'errors', 'config', 'logging', 'database']);
/** Composition roots put the features together and are no feature's dependency: apps/api/src/*.ts, cli/ and TypeORM's list of entities. */
const COMPOSITION = (file: string) => !file.includes(path.sep) || file.startsWith(`cli${path.sep}`) || file === path.join('database', 'data-source.ts');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Whether an import or export brings a value at run time: `import type`, or only `type` names, is erased by the compiler. */
function bringsValue(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) {
    return (
      !statement.isTypeOnly &&
      (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause) || statement.exportClause.elements.some((element) => !element.isTypeOnly))
    );
  }
  const clause = statement.importClause;
  if (clause === undefined) {
    return true;
  }
  if (clause.isTypeOnly) {
    return false;
  }
  const bindings = clause.namedBindings;
  return (
    clause.name !== undefined ||
    bindings === undefined ||
    ts.isNamespaceImport(bindings) ||
    bindings.elements.length === 0 ||
    bindings.elements.some((element) => !element.isTypeOnly)
  );
}

/**
 * The node a file of apps/api/src belongs to: its feature folder (the kernel's folders as one), or the feature's dto/
 * apart: GraphQL types are imported straight from dto/ (eslint.config.mjs), which loads no module or service.
 */
function nodeOf(parts: readonly string[]): string {
  const folder = KERNEL.has(parts[0] ?? '') ? 'kernel' : (parts[0] ?? '');
  return parts[1] === 'dto' && parts.length > 2 ? `${folder}/dto` : folder;
}
const featureOf = (node: string) => node.split('/')[0];

/** Feature → the other features it imports values from (apps/api/src/<feature>/, its dto/ apart). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const relative = path.relative(src, file);
    if (COMPOSITION(relative)) {
      continue;
    }
    const from = nodeOf(relative.split(path.sep));
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) {
        continue;
      }
      const specifier = statement.moduleSpecifier.text;
      if (!specifier.startsWith('.') || !bringsValue(statement)) {
        continue;
      }
      const target = path.relative(src, path.resolve(path.dirname(file), specifier)).split(path.sep);
      const to = nodeOf(target);
      if (target.length > 1 && !to.startsWith('..') && featureOf(to) !== featureOf(from)) {
        graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
  }
  return graph;
}

/** The folders that reach each other through imports (Tarjan's strongly connected components of more than one folder), each sorted. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (folder: string): void => {
    index.set(folder, next);
    low.set(folder, next);
    next += 1;
    stack.push(folder);
    for (const to of graph.get(folder) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(folder, Math.min(low.get(folder) ?? 0, low.get(to) ?? 0));
      } else if (stack.includes(to)) {
        low.set(folder, Math.min(low.get(folder) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) {
          component.push(member);
        }
      } while (member !== undefined && member !== folder);
      if (component.length > 1) {
        found.push(component.sort());
      }
    }
  };
  for (const folder of graph.keys()) {
    if (!index.has(folder)) {
      visit(folder);
    }
  }
  return found;
}

describe('imports between the features of apps/api/src', () => {
  it('form no cycle: a lower feature owns an interface the higher one provides, or the shared piece moves to its owner', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });
});
