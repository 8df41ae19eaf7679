import { z } from 'zod';
import { BACKSTAGE_API_VERSIONS, backstageMetadata, backstageRef } from './backstage-entity.js';

/** A Backstage `kind: System`: kept as written so automations can name the system they belong to (`spec.system`). */
export const backstageSystemV1alpha1 = z
  .looseObject({
    apiVersion: z.enum(BACKSTAGE_API_VERSIONS),
    kind: z.literal('System'),
    metadata: backstageMetadata,
    spec: z.looseObject({ owner: backstageRef, domain: backstageRef.optional(), type: z.string().min(1).optional() }),
  })
  .meta({ title: 'Backstage System v1alpha1', description: 'A Backstage System, kept so automations can belong to it.' });

export type BackstageSystemV1alpha1 = z.infer<typeof backstageSystemV1alpha1>;
