import { z } from 'zod';

/**
 * Backstage's entity names and references, as its catalog reads them
 * (https://backstage.io/docs/features/software-catalog/references): `[<kind>:][<namespace>/]<name>`,
 * the kind and namespace optional with a default that depends on the field, kinds compared without
 * case, the namespace `default` when none is given. Refs are compared as Backstage compares them:
 * in lower case.
 */
export const DEFAULT_NAMESPACE = 'default';

/** An entity name: 1–63 letters and digits, separated by `-`, `_` or `.` (Kubernetes' object names). */
export const ENTITY_NAME_PATTERN = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** A namespace: a DNS label, lower case. */
export const NAMESPACE_PATTERN = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

export const ENTITY_NAME_RULE = '1–63 letters and digits, separated by "-", "_" or ".", e.g. "team-a" or "payments.eu"';
export const NAMESPACE_RULE = 'a namespace of 1–63 lower-case letters, digits and dashes, e.g. "default"';

export const isEntityName = (value: string): boolean => value.length <= 63 && ENTITY_NAME_PATTERN.test(value);
export const isNamespace = (value: string): boolean => value.length <= 63 && NAMESPACE_PATTERN.test(value);

export const entityName = z
  .string()
  .refine(isEntityName, { message: ENTITY_NAME_RULE })
  .meta({ description: 'A Backstage entity name.', examples: ['team-a', 'payments.eu', 'jane_doe'] });
export const entityNamespace = z
  .string()
  .refine(isNamespace, { message: NAMESPACE_RULE })
  .meta({ description: 'A Backstage namespace; `default` when absent.', examples: ['default', 'emea'] });

export interface EntityRef {
  /** Lower case, as compared. */
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses a reference exactly as Backstage's `parseEntityRef` splits it (the first `:` ends the kind
 * unless a `/` comes first), then checks each part against Backstage's rules. Returns a sentence on
 * what is wrong instead of throwing.
 */
export function parseEntityRef(ref: string, defaults: { kind: string; namespace: string }): EntityRef | { problem: string } {
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (slash !== -1 && slash < colon) {
    colon = -1;
  }
  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === '' || namespace === '' || name === '') {
    return { problem: 'a reference of the form [<kind>:][<namespace>/]<name>' };
  }
  if (kind !== undefined && !/^[a-zA-Z][a-z0-9A-Z]*$/.test(kind)) {
    return { problem: `a kind of letters and digits before the ":", e.g. "${defaults.kind}:"` };
  }
  if (namespace !== undefined && !isNamespace(namespace)) {
    return { problem: NAMESPACE_RULE };
  }
  if (!isEntityName(name)) {
    return { problem: `a name of ${ENTITY_NAME_RULE}` };
  }
  return { kind: (kind ?? defaults.kind).toLowerCase(), namespace: namespace ?? defaults.namespace, name };
}

/**
 * The key Roundhouse stores for an entity of one kind: its name in the default namespace (so
 * existing names keep working), `<namespace>/<name>` in any other.
 */
export function entityKey(namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
}

/** The namespace and name of a stored key. */
export function splitEntityKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: DEFAULT_NAMESPACE, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** A key's full Backstage reference, e.g. `group:default/finance-ops`. */
export function refOfKey(kind: string, key: string): string {
  const { namespace, name } = splitEntityKey(key);
  return `${kind.toLowerCase()}:${namespace}/${name}`;
}

/** Keys compare as Backstage compares refs: without case. */
export const keyForMatching = (key: string): string => key.toLowerCase();

const isDnsSubdomain = (value: string): boolean =>
  value.length >= 1 && value.length <= 253 && value.split('.').every((label) => label.length <= 63 && NAMESPACE_PATTERN.test(label));

/** An annotation or label key as Backstage (and Kubernetes) allow it: `[<DNS subdomain>/]<name>`, e.g. `pagerduty.com/service-id`. */
export function isMetadataKey(value: string): boolean {
  const parts = value.split('/');
  if (parts.length === 1) {
    return isEntityName(value);
  }
  return parts.length === 2 && isDnsSubdomain(parts[0] ?? '') && isEntityName(parts[1] ?? '');
}

export const METADATA_KEY_RULE = 'a key of the form [<DNS subdomain>/]<name>, e.g. "pagerduty.com/service-id" or "tier"';

/** Backstage's `metadata.annotations`: keys as Backstage allows them, any string values. */
export const annotations = z
  .record(z.string().refine(isMetadataKey, { message: METADATA_KEY_RULE }), z.string())
  .meta({ description: 'Backstage annotations, kept as written; well-known ones become links.', examples: [{ 'pagerduty.com/service-id': 'P123ABC' }] });

/** Backstage's `metadata.labels`: keys as annotations, values empty or an entity name (63 characters at most). */
export const labels = z
  .record(
    z.string().refine(isMetadataKey, { message: METADATA_KEY_RULE }),
    z.string().refine((value) => value === '' || isEntityName(value), { message: `empty, or ${ENTITY_NAME_RULE}` }),
  )
  .meta({ description: 'Backstage labels, kept as written.', examples: [{ tier: 'critical' }] });
