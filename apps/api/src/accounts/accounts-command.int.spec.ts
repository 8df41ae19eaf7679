import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { runAccountsCommand, type CommandIo } from './accounts-command.js';
import { AccountsService } from './accounts.service.js';

interface Ran {
  code: number;
  out: string;
  err: string;
}

describe('npm run accounts', () => {
  const t = useTestApi();

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
  });

  async function run(args: string[], password = 'correct horse battery'): Promise<Ran> {
    const ran = { out: '', err: '' };
    const io: CommandIo = { out: (text) => (ran.out += text), err: (text) => (ran.err += text), password: () => Promise.resolve(password) };
    const code = await runAccountsCommand(args, (work) => work(t.api.app.get(AccountsService)), io);
    return { code, ...ran };
  }

  it('adds an account with an argon2id hash, and lists it without the hash', async () => {
    const added = await run(['add', 'Fiona', '--name', 'Fiona Finance', '--role', 'owner', '--team', 'finance-ops']);
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toContain('Created owner "fiona" (Fiona Finance) for finance-ops');
    const [stored] = await t.db.query<{ password_hash: string; teams: string[] }>(`SELECT password_hash, teams FROM user_account WHERE username = 'fiona'`);
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored?.password_hash).not.toContain('correct horse battery');
    expect(stored?.teams).toEqual(['finance-ops']);

    const listed = await run(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/fiona\s+Fiona Finance\s+owner\s+finance-ops\s+enabled/);
    expect(listed.out).not.toContain('argon2');
    expect(listed.out).not.toContain(stored?.password_hash);

    const audit = await t.db.query<{ action: string; after: unknown }>(`SELECT action, after FROM audit_entry WHERE target_id = 'fiona'`);
    expect(audit).toEqual([{ action: 'account.created', after: { username: 'fiona', name: 'Fiona Finance', role: 'owner', teams: ['finance-ops'] } }]);
  });

  it('refuses an unknown team, an unknown role and a short password with sentences naming them', async () => {
    const badTeam = await run(['add', 'gus', '--name', 'Gus', '--role', 'owner', '--team', 'no-such-team']);
    expect(badTeam.code).toBe(1);
    expect(badTeam.err).toBe('The account "gus" cannot be created: the team "no-such-team" is not in the catalog (its teams/ folder).\n');

    const badRole = await run(['add', 'gus', '--name', 'Gus', '--role', 'superuser']);
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('the role must be one of viewer, operator, owner, admin');

    const shortPassword = await run(['add', 'gus', '--name', 'Gus', '--role', 'viewer'], 'short');
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.err).toContain('the password must be at least 12 characters (it has 5)');

    expect(await t.db.query(`SELECT 1 FROM user_account WHERE username = 'gus'`)).toEqual([]);
  });

  it('refuses a second account with the same username', async () => {
    await run(['add', 'hana', '--name', 'Hana', '--role', 'viewer']);
    const again = await run(['add', 'HANA', '--name', 'Hana Again', '--role', 'admin']);
    expect(again).toMatchObject({ code: 1, err: 'An account named "hana" already exists.\n' });
  });

  it('disables an account, and says so for an unknown one', async () => {
    await run(['add', 'ivan', '--name', 'Ivan', '--role', 'operator', '--team', 'finance-ops']);
    const disabled = await run(['disable', 'ivan']);
    expect(disabled.code).toBe(0);
    expect(disabled.out).toContain('"ivan" is disabled');
    expect((await run(['list'])).out).toMatch(/ivan\s+Ivan\s+operator\s+finance-ops\s+disabled/);
    expect(await run(['disable', 'nobody'])).toMatchObject({ code: 1, err: 'There is no account named "nobody".\n' });
  });

  it('prints the usage for an unknown command or option', async () => {
    expect((await run(['remove', 'x'])).code).toBe(2);
    const unknownOption = await run(['add', 'x', '--colour', 'red']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toContain('Usage: npm run accounts');
  });
});
