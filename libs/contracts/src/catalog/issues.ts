import type { z } from 'zod';

/** One problem with one field, in words a person can act on. */
export interface FieldProblem {
  /** Dotted path to the field, e.g. `spec.kpis[0].baseline.note`. */
  field: string;
  /** What was there, shown as YAML/JSON would show it, or `nothing` when the field is missing. */
  found: string;
  /** What the field accepts. */
  allowed: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') {
      return `${text}[${key}]`;
    }
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

export function showValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value) ?? `a ${typeof value}`;
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  schema?: unknown;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/** The object schema at a path, seen through optional/default/pipe wrappers, to list its fields. */
function objectShapeAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  let remaining = [...path];
  for (let guard = 0; guard < 64 && current !== undefined; guard += 1) {
    const def = defOf(current);
    if (def === undefined) {
      return [];
    }
    if (def.type === 'object' && def.shape !== undefined) {
      if (remaining.length === 0) {
        return Object.keys(def.shape);
      }
      const [key, ...rest] = remaining;
      current = def.shape[String(key)];
      remaining = rest;
    } else if (def.type === 'array') {
      current = def.element;
      remaining = remaining.slice(1);
    } else {
      current = def.innerType ?? def.in ?? def.schema;
    }
  }
  return [];
}

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, more: boolean): string {
  const n = String(limit);
  switch (issue.origin) {
    case 'string':
      return `${more ? 'at least' : 'at most'} ${n} characters`;
    case 'array':
    case 'set':
      return `${more ? 'at least' : 'at most'} ${n} items`;
    default:
      return `a number ${more ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤'} ${n}`;
  }
}

/**
 * Turns a zod issue into field / found / allowed. `schema` lets unknown fields be answered with the
 * list of known ones; `input` is the value that was validated.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, schema?: unknown): FieldProblem[] {
  const found = showValue(valueAt(input, issue.path));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = schema === undefined ? [] : objectShapeAt(schema, issue.path);
      return issue.keys.map((key) => ({
        field: formatPath([...issue.path, key]),
        found: `an unknown field "${key}"`,
        allowed: known.length > 0 ? `the fields ${known.join(', ')}` : 'no other fields',
      }));
    }
    case 'invalid_key': {
      // A record's key (annotations, labels): the key is what is wrong, not its value.
      const key = issue.path[issue.path.length - 1];
      return [{ field: formatPath(issue.path), found: `the key ${JSON.stringify(String(key))}`, allowed: issue.issues[0]?.message ?? issue.message }];
    }
    case 'invalid_value':
      return [{ field: formatPath(issue.path), found, allowed: `one of ${issue.values.map((v) => String(v)).join(', ')}` }];
    case 'invalid_type':
      return [
        {
          field: formatPath(issue.path),
          found: found === 'nothing' ? 'nothing (the field is required)' : found,
          allowed: issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping of fields' : `a ${issue.expected}`,
        },
      ];
    case 'too_small':
      return [{ field: formatPath(issue.path), found, allowed: bound(issue, issue.minimum, true) }];
    case 'too_big':
      return [{ field: formatPath(issue.path), found, allowed: bound(issue, issue.maximum, false) }];
    case 'invalid_format':
      return [
        {
          field: formatPath(issue.path),
          found,
          allowed: issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message,
        },
      ];
    default:
      return [{ field: formatPath(issue.path), found, allowed: issue.message }];
  }
}

export function describeError(error: z.ZodError, input: unknown, schema?: unknown): FieldProblem[] {
  return error.issues.flatMap((issue) => describeIssue(issue, input, schema));
}
