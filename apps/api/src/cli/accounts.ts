import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { runAccountsCommand } from '../accounts/accounts-command.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { withService } from './with-app.js';

/** Reads the password without echoing it: from ROUNDHOUSE_ACCOUNT_PASSWORD, a pipe, or the terminal. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.ROUNDHOUSE_ACCOUNT_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  if (process.stdin.isTTY) {
    process.stderr.write('Password (12 characters or more, not shown): ');
  }
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal: process.stdin.isTTY });
  try {
    for await (const line of lines) {
      return line;
    }
    return '';
  } finally {
    lines.close();
    if (process.stdin.isTTY) {
      process.stderr.write('\n');
    }
  }
}

runAccountsCommand(process.argv.slice(2), (work) => withService(AccountsService, work), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  password: readPassword,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
