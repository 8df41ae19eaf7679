import { z } from 'zod';
import { BACKSTAGE_API_VERSIONS, backstageMetadata, backstageRef } from './backstage-entity.js';

/** A Backstage `kind: Domain`: kept as written, so the Systems that name it stay whole. */
export const backstageDomainV1alpha1 = z
  .looseObject({
    apiVersion: z.enum(BACKSTAGE_API_VERSIONS),
    kind: z.literal('Domain'),
    metadata: backstageMetadata,
    spec: z.looseObject({ owner: backstageRef, subdomainOf: backstageRef.optional(), type: z.string().min(1).optional() }),
  })
  .meta({ title: 'Backstage Domain v1alpha1', description: 'A Backstage Domain, kept as written.' });

export type BackstageDomainV1alpha1 = z.infer<typeof backstageDomainV1alpha1>;
