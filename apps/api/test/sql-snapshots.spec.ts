import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const apiRoot = path.resolve(import.meta.dirname, '..');
const generator = path.join(apiRoot, 'scripts/sql-snapshots.mjs');

/** Runs the generator (`--check` or not) on the source folder `src`. */
function run(src: string, ...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [generator, ...args, '--src', src], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** Replaces `from` (which must be there) with `to` in `file`. */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the SQL snapshots check (apps/api/scripts/sql-snapshots.mjs, check-generated)', () => {
  let src: string;

  beforeEach(() => {
    // A copy of one feature folder with its committed snapshot: what CI checks, on a folder the test may change.
    src = mkdtempSync(path.join(tmpdir(), 'sql-snapshots-'));
    cpSync(path.join(apiRoot, 'src/runs'), path.join(src, 'runs'), { recursive: true });
  });

  afterEach(() => {
    rmSync(src, { recursive: true, force: true });
  });

  it('passes while the committed snapshot is what the repository sends', () => {
    expect(run(src, '--check')).toMatchObject({ status: 0, stderr: '' });
  });

  it('fails, naming the snapshot and the line, when a query changed and the snapshot was not regenerated', () => {
    edit(
      path.join(src, 'runs/runs.repository.ts'),
      'ORDER BY r.started_at, r.automation_slug, r.attempt LIMIT $2',
      'ORDER BY r.started_at DESC, r.automation_slug, r.attempt LIMIT $2',
    );

    const check = run(src, '--check');

    expect(check.status).toBe(1);
    expect(check.stderr).toContain('runs/runs.repository.sql: differs from its source');
    expect(check.stderr).toContain('generated:   r.started_at DESC,');
    expect(check.stderr).toContain('npx nx run @roundhouse/api:sql-snapshots');
  });

  it('regenerates the snapshot with the changed SQL under the method that sends it, after which the check passes', () => {
    edit(path.join(src, 'runs/runs.repository.ts'), 'WHERE s.correlation_id = $1', 'WHERE s.correlation_id = $1 AND s.outcome = $3');

    expect(run(src).status).toBe(0);

    const snapshot = readFileSync(path.join(src, 'runs/runs.repository.sql'), 'utf8');
    const trailSteps = snapshot.slice(snapshot.indexOf('-- RunsRepository.trailSteps\n'));
    expect(trailSteps.split('\n\n')[0]).toContain('  s.correlation_id = $1\n  AND s.outcome = $3\n');
    expect(run(src, '--check')).toMatchObject({ status: 0, stderr: '' });
  });

  it('follows a shared SQL constant into every statement that uses it', () => {
    edit(path.join(src, 'runs/runs.repository.ts'), 'r.error_class, r.error_message, r.manual_touch', 'r.error_class, r.manual_touch');

    const check = run(src, '--check');

    expect(check.status).toBe(1);
    expect(check.stderr).toContain('committed:   r.error_message,');
    run(src);
    expect(readFileSync(path.join(src, 'runs/runs.repository.sql'), 'utf8')).not.toContain('r.error_message');
  });

  it('reads the SQL a repository sends through a database handle, whatever the call, and a tagged template', () => {
    const repository = [
      'const COLUMNS = `id, name`;',
      'export class ThingsRepository {',
      '  list(tx: Tx) {',
      '    return this.db.query<ThingRow>(`SELECT ${COLUMNS} FROM thing ORDER BY name`, [], tx);',
      '  }',
      '  one(id: string, tx: Tx) {',
      '    return tx.one(sql`SELECT ${COLUMNS} FROM thing WHERE id = ${id}`);',
      '  }',
      '}',
    ].join('\n');
    writeFileSync(path.join(src, 'runs/things.repository.ts'), repository);

    expect(run(src).status).toBe(0);

    expect(readFileSync(path.join(src, 'runs/things.repository.sql'), 'utf8')).toContain(
      [
        '-- ThingsRepository.list',
        'SELECT',
        '  id,',
        '  name',
        'FROM',
        '  thing',
        'ORDER BY',
        '  name;',
        '',
        '-- ThingsRepository.one',
        'SELECT',
        '  id,',
        '  name',
        'FROM',
        '  thing',
        'WHERE',
        '  id = ${id};',
      ].join('\n'),
    );
  });

  it('fails for a snapshot whose source is gone, and for a repository whose SQL it cannot find', () => {
    rmSync(path.join(src, 'runs/run-partitions.repository.ts'));
    writeFileSync(path.join(src, 'runs/shadow.repository.ts'), 'export class ShadowRepository {\n  list() {\n    return this.db.send(sql);\n  }\n}\n');

    const check = run(src, '--check');

    expect(check.status).toBe(1);
    expect(check.stderr).toContain('runs/run-partitions.repository.sql: its source sends no SQL any more (or is gone)');
    expect(check.stderr).toContain('runs/shadow.repository.ts: a repository with no SQL found');
    run(src);
    expect(existsSync(path.join(src, 'runs/run-partitions.repository.sql'))).toBe(false);
  });
});
