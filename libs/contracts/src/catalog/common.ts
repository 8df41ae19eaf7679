import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';
import { DEFAULT_NAMESPACE, entityKey, parseEntityRef } from './entity-ref.js';

/** Lower-case words joined by dashes, as Backstage entity names: `invoice-generation`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .min(2)
  .max(63)
  .regex(SLUG_PATTERN, { message: 'lower-case letters, digits and single dashes, e.g. "invoice-generation"' })
  .meta({ description: 'Stable identifier: lower-case letters, digits and dashes, 2–63 characters.', examples: ['invoice-generation'] });

export const duration = z
  .string()
  .regex(DURATION_PATTERN, { message: 'a number and a unit s, m, h or d, e.g. "30d"' })
  .meta({ description: 'A duration: a whole number and a unit (s, m, h, d).', examples: ['5m', '30d'] });

export const isoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-03-31'] });

export const httpUrl = z
  .url({ protocol: /^https?$/, message: 'an http(s) URL' })
  .meta({ description: 'An http or https URL.', examples: ['https://grafana.example.com/d/invoices'] });

export const LINK_TYPES = ['dashboard', 'repository', 'docs', 'runbook', 'other'] as const;

export const link = z.strictObject({
  title: z.string().min(1).max(120),
  url: httpUrl,
  type: z.enum(LINK_TYPES).default('other'),
});
export type Link = z.infer<typeof link>;

export const tag = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/, { message: 'lower-case words joined by dashes, e.g. "month-end"' });

export const onCall = z
  .strictObject({
    name: z.string().min(1).max(120).meta({ description: 'Who answers the page: a rotation or a person.' }),
    email: z.email().optional(),
    slack: z.string().max(80).optional().meta({ description: 'Channel or handle, e.g. "#fin-auto-oncall".' }),
    schedule: httpUrl.optional().meta({ description: 'Link to the paging schedule (PagerDuty, Opsgenie, …).' }),
  })
  .meta({ description: 'The on-call contact for incidents.' });
export type OnCall = z.infer<typeof onCall>;

/**
 * A Backstage reference to an entity of `kind`, read as Backstage reads it (kind optional and compared
 * without case, namespace `default` when absent), and turned into the key Roundhouse stores: the name,
 * or `<namespace>/<name>` outside the default namespace.
 */
export function refTo(kind: string, example: string) {
  return z.string().transform((value, ctx) => {
    const ref = parseEntityRef(value, { kind, namespace: DEFAULT_NAMESPACE });
    if ('problem' in ref) {
      ctx.addIssue({ code: 'custom', message: `${ref.problem}, e.g. "${example}"` });
      return z.NEVER;
    }
    if (ref.kind !== kind) {
      ctx.addIssue({ code: 'custom', message: `a reference to a ${kind}, e.g. "${example}" (found a ${ref.kind})` });
      return z.NEVER;
    }
    return entityKey(ref.namespace, ref.name);
  });
}

/** The owning team: its name or any Backstage reference to its Group: `finance-ops`, `default/finance-ops`, `Group:emea/finance-ops`. */
export const ownerRef = refTo('group', 'group:default/finance-ops').meta({
  description: 'The owning team: its name, or a Backstage reference such as "group:default/finance-ops".',
});
