import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { randomPassword, type DatabaseRoles } from './database-roles.js';
import { StartupError } from './startup-error.js';

/** The embedded PostgreSQL's three roles and their passwords, made for one data folder. */
export interface EmbeddedCredentials extends DatabaseRoles {
  superuser: { name: string; password: string };
}

const role = z.object({ name: z.string().min(1), password: z.string().min(16) });
const credentialsFile = z.object({ superuser: role, owner: role, api: role });

const FILE_NAME = 'postgres-credentials.json';

/** Where a data folder keeps its embedded PostgreSQL's passwords (owner-only, mode 0600). */
export function credentialsPath(dataDir: string): string {
  return path.join(dataDir, FILE_NAME);
}

/** New, random passwords for a data folder's roles. */
export function newCredentials(): EmbeddedCredentials {
  return {
    superuser: { name: 'postgres', password: randomPassword() },
    owner: { name: 'roundhouse_owner', password: randomPassword() },
    api: { name: 'roundhouse_api', password: randomPassword() },
  };
}

/**
 * The data folder's passwords, or undefined when it has none yet. A file others may read is made
 * owner-only again, and said so.
 */
export async function readCredentials(dataDir: string, log: Logger): Promise<EmbeddedCredentials | undefined> {
  const file = credentialsPath(dataDir);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  });
  if (text === undefined) {
    return undefined;
  }
  let parsed: z.ZodSafeParseResult<EmbeddedCredentials>;
  try {
    parsed = credentialsFile.safeParse(JSON.parse(text));
  } catch {
    parsed = credentialsFile.safeParse(undefined);
  }
  if (!parsed.success) {
    throw new StartupError(
      `${file} does not hold the embedded PostgreSQL's passwords (JSON with superuser, owner and api, each a name and password). Restore it from a backup, or move ${dataDir} aside to start with a new database.`,
    );
  }
  if (((await stat(file)).mode & 0o077) !== 0) {
    await chmod(file, 0o600);
    log.warn({ file }, 'the embedded PostgreSQL passwords file was readable by others: it is owner-only (0600) again');
  }
  return parsed.data;
}

/** Writes the passwords, owner-only from the first byte, replacing the file in one step. */
export async function writeCredentials(dataDir: string, credentials: EmbeddedCredentials): Promise<void> {
  const file = credentialsPath(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  await rm(partial, { force: true });
  await writeFile(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(partial, file);
}
