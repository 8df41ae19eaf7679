import { parseArgs } from 'node:util';
import { DomainError } from '../errors/domain-errors.js';
import type { AccountsService } from './accounts.service.js';
import type { UserAccount } from './user-account.js';

export const ACCOUNTS_USAGE = `Usage: npm run accounts -- <command>

  add <username> --name "<display name>" --role <viewer|operator|owner|admin> [--team <team> ...]
                           create a local account; the password comes from ROUNDHOUSE_ACCOUNT_PASSWORD
                           or is asked for (12 characters or more). Owners get the teams they own,
                           operators the teams they are on call for.
  disable <username>       refuse the account's sign-ins from now on
  list                     show every account (never a password or its hash)

The database is DATABASE_URL, or the embedded one (started for the command if Roundhouse is not running).`;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The new account's password: ROUNDHOUSE_ACCOUNT_PASSWORD, or asked for on the terminal. */
  password: () => Promise<string>;
}

const when = (date: Date | null) => (date === null ? '-' : date.toISOString().slice(0, 16).replace('T', ' '));

function table(accounts: UserAccount[]): string {
  const rows = [
    ['USERNAME', 'NAME', 'ROLE', 'TEAMS', 'STATE', 'LAST SIGNED IN'],
    ...accounts.map((a) => [a.username, a.name, a.role, a.teams.join(',') || '-', a.disabledAt === null ? 'enabled' : `disabled ${when(a.disabledAt)}`, when(a.lastSignedInAt)]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `npm run accounts -- add|disable|list`, given the service and how to talk to the person at the
 * terminal. Answers the exit status; a refusal is a sentence on stderr.
 */
export type WithAccounts = <T>(work: (accounts: AccountsService) => Promise<T>) => Promise<T>;

const OPTIONS = { name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true } } as const;

export async function runAccountsCommand(args: string[], withAccounts: WithAccounts, io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${ACCOUNTS_USAGE}\n`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, username, ...rest] = positionals;
  try {
    switch (command) {
      case 'add': {
        if (username === undefined || rest.length > 0 || values.role === undefined) {
          io.err(`add needs one username and --role.\n\n${ACCOUNTS_USAGE}\n`);
          return 2;
        }
        const password = await io.password();
        const input = { username, name: values.name ?? '', role: values.role, teams: values.team ?? [], password };
        const account = await withAccounts((accounts) => accounts.add(input));
        io.out(`Created ${account.role} "${account.username}" (${account.name})${account.teams.length > 0 ? ` for ${account.teams.join(', ')}` : ''}. They can sign in now.\n`);
        return 0;
      }
      case 'disable': {
        if (username === undefined) {
          io.err(`disable needs a username.\n\n${ACCOUNTS_USAGE}\n`);
          return 2;
        }
        const account = await withAccounts((accounts) => accounts.disable(username));
        io.out(`"${account.username}" is disabled: signing in is refused, and its open sessions have ended.\n`);
        return 0;
      }
      case 'list': {
        const all = await withAccounts((accounts) => accounts.list());
        io.out(all.length === 0 ? 'No local accounts yet. Add one with: npm run accounts -- add <username> --name "…" --role owner --team <team>\n' : `${table(all)}\n`);
        return 0;
      }
      default:
        io.err(`${ACCOUNTS_USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
