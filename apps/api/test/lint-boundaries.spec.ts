import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = path.resolve(import.meta.dirname, '../../..');
/** One instance for the file: the type-aware rules build their TypeScript programs once. */
const eslint = new ESLint({ cwd: workspaceRoot });

/** The rules `eslint.config.mjs` reports for `code` written into an existing file of the workspace (nothing is written to disk). */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(workspaceRoot, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the boundary lint rules (eslint.config.mjs)', () => {
  beforeAll(() => {
    // @nx/enforce-module-boundaries reads Nx's cached project graph and skips itself without one (a fresh clone): make it.
    const nx = createRequire(import.meta.url).resolve('nx/bin/nx.js');
    execFileSync(process.execPath, [nx, 'show', 'projects'], { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, stdio: 'ignore' });
  });

  it('fail contracts that import the SDK: libs/contracts depends on no other project', async () => {
    const planted = `import { reprocessSignature } from '@roundhouse/sdk';\nexport const sign = reprocessSignature;\n`;

    expect(await rulesBroken('libs/contracts/src/index.ts', planted)).toContain('@nx/enforce-module-boundaries');
  });

  it('fail the console importing the api: apps talk over GraphQL, never by import', async () => {
    const planted = `import { AppModule } from '@roundhouse/api';\nexport const app = AppModule;\n`;

    expect(await rulesBroken('apps/console/src/main.tsx', planted)).toEqual(expect.arrayContaining(['no-restricted-imports']));
  });

  it("fail an api feature climbing into another feature's files with ../../", async () => {
    const planted = `import { TokensRepository } from '../../tokens/tokens.repository.js';\nexport const repository = TokensRepository;\n`;

    expect(await rulesBroken('apps/api/src/teams/dto/team.type.ts', planted)).toContain('no-restricted-imports');
  });

  it("fail an api feature importing a sibling feature's internals: another feature is reached through its entry file", async () => {
    const planted = `import { TokensRepository } from '../tokens/tokens.repository.js';\nexport const repository = TokensRepository;\n`;

    expect(await rulesBroken('apps/api/src/teams/teams.service.ts', planted)).toContain('no-restricted-imports');
  });

  it("fail a runtime kind importing another feature's internals from two folders down", async () => {
    const planted = `import { DeadLettersService } from '../../dead-letters/dead-letters.service.js';\nexport const service = DeadLettersService;\n`;

    expect(await rulesBroken('apps/api/src/runtimes/webhook/webhook.runtime.ts', planted)).toContain('no-restricted-imports');
  });

  it("fail a runtime's collector writing through another feature's repository: the owning feature's service takes the caller's Transaction", async () => {
    const planted = `import { DeadLetterIngestRepository } from '../../dead-letters/dead-letter-ingest.repository.js';\nexport const repository = DeadLetterIngestRepository;\n`;

    expect(await rulesBroken('apps/api/src/runtimes/rabbitmq/rabbitmq-collector.service.ts', planted)).toContain('no-restricted-imports');
  });

  it('find no file of the api switching the feature boundary off: there is no exception to it', () => {
    const sources = path.join(workspaceRoot, 'apps/api/src');
    const exceptions = readdirSync(sources, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && /eslint-disable.*no-restricted-imports/.test(readFileSync(path.join(sources, file), 'utf8')))
      .sort();

    expect(exceptions).toEqual([]);
  });

  it('pass an api feature importing another through its entry file, from any depth', async () => {
    const sibling = `import { TokensService } from '../tokens/index.js';\nexport const service = TokensService;\n`;
    const deeper = `import { DeadLettersService } from '../../dead-letters/index.js';\nexport const service = DeadLettersService;\n`;

    expect(await rulesBroken('apps/api/src/teams/teams.service.ts', sibling)).toEqual([]);
    expect(await rulesBroken('apps/api/src/runtimes/webhook/webhook.runtime.ts', deeper)).toEqual([]);
  });

  it('fail the shared kernel importing a feature, even through its entry file: config, common, errors, logging and database import no feature', async () => {
    const planted = `import { OutboundGuard } from '../outbound/index.js';\nexport const guard = OutboundGuard;\n`;

    expect(await rulesBroken('apps/api/src/config/app.config.ts', planted)).toContain('no-restricted-imports');
  });

  it('pass the files as they are', async () => {
    const results = await eslint.lintFiles([
      'libs/contracts/src/index.ts',
      'apps/console/src/main.tsx',
      'apps/api/src/teams/dto/team.type.ts',
      'apps/api/src/teams/teams.service.ts',
      'apps/api/src/runtimes/webhook/webhook.runtime.ts',
      'apps/api/src/config/app.config.ts',
      'apps/api/src/runtimes/rabbitmq/rabbitmq-collector.service.ts',
    ]);

    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath}: ${message.ruleId ?? ''} ${message.message}`))).toEqual([]);
  });
});
