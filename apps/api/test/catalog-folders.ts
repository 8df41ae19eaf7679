import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A Backstage org folder in Backstage's documented shapes (see its README), copied unchanged into each catalog. */
export const BACKSTAGE_ORG = path.join(import.meta.dirname, 'backstage-org');

/**
 * Catalog folders for one test file, removed after it: `catalogWithOrg(files)` is the Backstage org
 * folder unchanged under org/ with `files` (relative path → text) beside it.
 */
export function useCatalogFolders(): { catalogWithOrg: (files: Record<string, string>) => Promise<string>; tempDir: (prefix: string) => Promise<string> } {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const tempDir = async (prefix: string): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  return {
    tempDir,
    catalogWithOrg: async (files) => {
      const dir = await tempDir('roundhouse-backstage-');
      await cp(BACKSTAGE_ORG, path.join(dir, 'org'), { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), text);
      }
      return dir;
    },
  };
}
