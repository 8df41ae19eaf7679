import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatNote, formatProblem, type CatalogNote } from '@roundhouse/contracts';
import { CLI_ACTOR } from '../audit/audit-entry.js';
import { CatalogInvalidError } from '../catalog/catalog.errors.js';
import type { ChangeCounts } from '../catalog/catalog.repository.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { loadConfig, runtimeVariablesOf } from '../config/app.config.js';
import { OutboundGuard } from '../outbound/outbound-guard.js';
import { RegistryBindingCheck } from '../runtimes/registry.js';
import { withService } from './with-app.js';

const USAGE = `Usage: npm run catalog -- <command>

  validate [folder]        check every file under the folder (no database needed)
  apply [folder]           apply the folder to the database, all or nothing
  export [slug ...]        print automations as catalog YAML, runbooks inline (all when no slug)
         --out <folder>    write the whole catalog instead: teams, people, systems, automations
                           and runbook files, a folder that applies to an empty database

The folder is ROUNDHOUSE_CATALOG_DIR (catalog/) unless given. The database is DATABASE_URL, or the embedded one (started for the command if Roundhouse is not running).`;

/** Notes go to stderr, one line each, before the verdict: what was read and not used. */
function writeNotes(notes: readonly CatalogNote[]): void {
  for (const note of notes) {
    process.stderr.write(`note: ${formatNote(note)}\n`);
  }
}

/** `2 created, 1 restored, 5 unchanged`: what an apply did to one kind of entity, zeros left out. */
function describeCounts(counts: ChangeCounts): string {
  const words = (['created', 'updated', 'restored', 'archived', 'unchanged'] as const).filter((what) => counts[what] > 0).map((what) => `${counts[what]} ${what}`);
  return words.length === 0 ? 'none' : words.join(', ');
}

const withDatabase = <T>(work: (service: CatalogService) => Promise<T>): Promise<T> => withService(CatalogService, work);

/** The folder validate and apply read: the one given, never another in its place; undefined when given several. */
function catalogFolder(command: string | undefined, args: readonly string[], setting: string): string | undefined {
  if (command !== 'validate' && command !== 'apply') {
    return setting;
  }
  if (args.length > 1) {
    return undefined;
  }
  return args[0] === undefined ? setting : path.resolve(args[0]);
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  const [command, ...slugs] = positionals;
  const config = loadConfig({ ...process.env, ROUNDHOUSE_CONSOLE_DIR: '/nonexistent' });
  const dir = catalogFolder(command, slugs, config.ROUNDHOUSE_CATALOG_DIR);
  if (dir === undefined) {
    process.stderr.write(`${command} takes one folder, not ${slugs.length}.\n\n${USAGE}\n`);
    return 2;
  }
  switch (command) {
    case 'validate': {
      const result = await CatalogService.validate(
        dir,
        config.repositoryRoot,
        new RegistryBindingCheck({ variables: runtimeVariablesOf(config), outbound: OutboundGuard.fromSetting(config.ROUNDHOUSE_OUTBOUND_ALLOW) }),
      );
      writeNotes(result.notes);
      for (const problem of result.problems) {
        process.stderr.write(`${formatProblem(problem)}\n`);
      }
      process.stdout.write(
        result.problems.length === 0
          ? `The catalog is valid: ${result.teams} teams, ${result.people} people, ${result.systems} systems and domains, ${result.automations} automations in ${result.files} files${result.notes.length > 0 ? ` (${result.notes.length} note(s) above)` : ''}.\n`
          : `The catalog has ${result.problems.length} problem(s); apply would refuse it.\n`,
      );
      return result.problems.length === 0 ? 0 : 1;
    }
    case 'apply': {
      const { notes, ...summary } = await withDatabase((service) => service.apply(dir, config.repositoryRoot, CLI_ACTOR));
      writeNotes(notes);
      process.stdout.write(
        `Catalog applied. Teams: ${describeCounts(summary.teams)}. People: ${describeCounts(summary.people)}. Systems and domains: ${describeCounts(summary.systems)}. Automations: ${describeCounts(summary.automations)}.\n`,
      );
      return 0;
    }
    case 'export': {
      const documents = await withDatabase((service) => service.export(slugs.length > 0 ? slugs : undefined));
      const missing = slugs.filter((slug) => !documents.has(slug));
      if (missing.length > 0) {
        process.stderr.write(`No automation has the slug ${missing.map((s) => `"${s}"`).join(', ')}.\n`);
        return 1;
      }
      if (values.out === undefined) {
        process.stdout.write([...documents.values()].join('---\n'));
        return 0;
      }
      const out = values.out;
      const files = slugs.length > 0 ? new Map([...documents].map(([slug, yaml]) => [`automations/${slug}.yaml`, yaml])) : await withDatabase((service) => service.exportFolder());
      for (const [file, text] of files) {
        await mkdir(path.dirname(path.join(out, file)), { recursive: true });
        await writeFile(path.join(out, file), text);
      }
      process.stdout.write(`Wrote ${files.size} file(s) to ${out}.\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CatalogInvalidError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  },
);
