import { z } from 'zod';
import { slug } from './common.js';

export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';

/**
 * A Backstage `kind: Group` entity, taken unchanged so that an organisation that keeps its org chart
 * in Backstage reuses it as Roundhouse teams. Only the fields Roundhouse reads are checked; every
 * other Backstage field is allowed and ignored.
 */
export const backstageGroupV1alpha1 = z
  .looseObject({
    apiVersion: z.literal(BACKSTAGE_API_VERSION),
    kind: z.literal('Group'),
    metadata: z.looseObject({
      name: slug,
      namespace: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
    }),
    spec: z.looseObject({
      type: z.string().min(1),
      profile: z
        .looseObject({ displayName: z.string().optional(), email: z.email().optional() })
        .optional(),
      parent: z.string().optional(),
      children: z.array(z.string()),
      members: z.array(z.string()).optional(),
    }),
  })
  .meta({ title: 'Backstage Group v1alpha1', description: 'A Backstage Group, read as a Roundhouse team.' });

export type BackstageGroupV1alpha1 = z.infer<typeof backstageGroupV1alpha1>;
