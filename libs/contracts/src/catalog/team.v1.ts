import { z } from 'zod';
import { onCall, slug } from './common.js';

export const TEAM_API_VERSION = 'roundhouse.dev/v1';

/**
 * Team, version 1: the people who own automations and answer their pages.
 *
 * @example
 * apiVersion: roundhouse.dev/v1
 * kind: Team
 * metadata: { name: finance-ops, title: Finance Operations }
 * spec: { email: finance-ops@example.com, slack: "#finance-ops", onCall: { name: Finance ops rotation } }
 */
export const teamV1 = z
  .strictObject({
    apiVersion: z.literal(TEAM_API_VERSION),
    kind: z.literal('Team'),
    metadata: z.strictObject({
      name: slug,
      title: z.string().min(1).max(120).optional(),
      description: z.string().max(2000).optional(),
    }),
    spec: z
      .strictObject({
        email: z.email().optional(),
        slack: z.string().max(80).optional(),
        onCall: onCall.optional(),
        members: z.array(z.string().min(1).max(120)).default([]),
      })
      .default({ members: [] }),
  })
  .meta({ title: 'Team v1', description: 'A team that owns automations and is on call for them.' });

export type TeamV1 = z.infer<typeof teamV1>;
