import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDashboardReferences, parseDashboardFile, type CatalogProblem, type DashboardReferences, type DashboardV1, type Located } from '@roundhouse/contracts';

export interface LoadedDashboards {
  dashboards: Located<DashboardV1>[];
  problems: CatalogProblem[];
  fileCount: number;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/**
 * Reads every YAML file in `dir` (not its subfolders), validates each dashboard against its
 * contract, checks that names are unique and, with `references`, that every automation, KPI and
 * owner exists. File names in problems are relative to `root` (the repository).
 */
export async function loadDashboards(dir: string, root: string, references?: DashboardReferences): Promise<LoadedDashboards> {
  const files = existsSync(dir) ? await yamlFiles(dir) : [];
  const result: LoadedDashboards = { dashboards: [], problems: [], fileCount: files.length };
  const first = new Map<string, Located<DashboardV1>>();
  for (const file of files) {
    const parsed = parseDashboardFile(await readFile(file, 'utf8'), path.relative(root, file));
    result.problems.push(...parsed.problems);
    for (const dashboard of parsed.dashboards) {
      const name = dashboard.value.metadata.name;
      const earlier = first.get(name);
      if (earlier !== undefined) {
        result.problems.push({
          file: dashboard.file,
          line: dashboard.lineAt(['metadata', 'name']),
          field: 'metadata.name',
          found: `a second dashboard "${name}" (the first is in ${earlier.file}:${earlier.line})`,
          allowed: 'one dashboard per name across dashboards/',
        });
        continue;
      }
      first.set(name, dashboard);
      result.dashboards.push(dashboard);
      if (references !== undefined) {
        result.problems.push(...checkDashboardReferences(dashboard, references));
      }
    }
  }
  return result;
}
