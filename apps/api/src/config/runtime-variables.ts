/**
 * Which environment variables a catalog may name (a runtime binding's `connection` and
 * `signingSecret`), and reading them. A catalog is written by automation owners; the environment
 * is the operator's, and holds Roundhouse's own secrets. So a catalog may name only variables the
 * operator set aside for runtimes: any name starting with ROUNDHOUSE_RUNTIME_, or one listed in
 * ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES — and never a variable Roundhouse itself reads as a setting,
 * listed or not. The rule is checked when a catalog or console edit is validated, and again each
 * time a name is read, so a name stored earlier or a setting changed since is never read.
 */

export const RUNTIME_VARIABLE_PREFIX = 'ROUNDHOUSE_RUNTIME_';
export const RUNTIME_VARIABLES_SETTING = 'ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES';

const NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Variables Roundhouse reads besides its configuration schema's keys: the database's (DATABASE_*,
 * and PG*, which node-postgres reads), Node's own (NODE_*), and every ROUNDHOUSE_* name but the
 * runtimes' prefix (settings to come, the accounts command's password).
 */
const RESERVED_PREFIXES = ['DATABASE_', 'PG', 'NODE_'];

/** What a catalog may name, in words, for error messages. */
export const ALLOWED_RUNTIME_VARIABLES = `the name of an environment variable set aside for runtimes: one starting with ${RUNTIME_VARIABLE_PREFIX} (e.g. ${RUNTIME_VARIABLE_PREFIX}INVOICES_RABBITMQ_URL), or one the operator lists in ${RUNTIME_VARIABLES_SETTING}; never one of Roundhouse's own settings`;

/** A variable read through the rule; `reason` names the variable and why it may not be named. */
export type VariableLookup = { state: 'set'; value: string } | { state: 'unset' } | { state: 'refused'; reason: string };

type Env = Readonly<Record<string, string | undefined>>;

/** Why `name` is one of Roundhouse's own settings (the rest of a sentence), or undefined. */
function settingReason(name: string, settingKeys: ReadonlySet<string>): string | undefined {
  if (settingKeys.has(name)) {
    return "one of Roundhouse's own settings";
  }
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix !== undefined) {
    return `reserved for Roundhouse's own settings (${prefix}*)`;
  }
  if (name.startsWith('ROUNDHOUSE_') && !name.startsWith(RUNTIME_VARIABLE_PREFIX)) {
    return `reserved for Roundhouse's own settings (ROUNDHOUSE_* other than ${RUNTIME_VARIABLE_PREFIX}*)`;
  }
  return undefined;
}

/** The allow-list setting's names, or the sentences saying what is wrong with it. */
export function parseRuntimeVariableAllowList(value: string | undefined, settingKeys: readonly string[]): { ok: true; names: string[] } | { ok: false; problems: string[] } {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const keys = new Set(settingKeys);
  const problems = names.flatMap((name) => {
    if (!NAME.test(name)) {
      return [`${JSON.stringify(name)} is not an environment variable name (capital letters, digits and _, e.g. ${RUNTIME_VARIABLE_PREFIX}INVOICES_RABBITMQ_URL)`];
    }
    const reason = settingReason(name, keys);
    return reason === undefined
      ? []
      : [`${name} is ${reason}, which catalogs may never name, listed or not: give the runtime a variable of its own (e.g. ${RUNTIME_VARIABLE_PREFIX}…) and list that, or none`];
  });
  return problems.length === 0 ? { ok: true, names } : { ok: false, problems };
}

export class RuntimeVariables {
  private readonly allowed: ReadonlySet<string>;
  private readonly settingKeys: ReadonlySet<string>;

  /** `env` is read at each lookup (never copied): a variable set or removed later is seen. */
  constructor(
    allowed: readonly string[],
    settingKeys: readonly string[],
    private readonly env: Env = process.env,
  ) {
    this.allowed = new Set(allowed);
    this.settingKeys = new Set(settingKeys);
  }

  /**
   * Why a catalog may not name `name`, to follow the name after a comma ("one of Roundhouse's own
   * settings"), or undefined when it may.
   */
  refusal(name: string): string | undefined {
    const reason = settingReason(name, this.settingKeys);
    if (reason !== undefined) {
      return reason;
    }
    if (name.startsWith(RUNTIME_VARIABLE_PREFIX) || this.allowed.has(name)) {
      return undefined;
    }
    return `which neither starts with ${RUNTIME_VARIABLE_PREFIX} nor is listed in ${RUNTIME_VARIABLES_SETTING}`;
  }

  /** The variable's value, when the name is allowed and the variable set; a refused name is never read. */
  lookup(name: string | undefined): VariableLookup {
    if (name === undefined) {
      return { state: 'unset' };
    }
    const refused = this.refusal(name);
    if (refused !== undefined) {
      return { state: 'refused', reason: `${name}, ${refused}` };
    }
    const value = this.env[name];
    return value === undefined || value === '' ? { state: 'unset' } : { state: 'set', value };
  }
}
