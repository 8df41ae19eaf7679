import { z } from 'zod';
import { entityName, entityNamespace } from './entity-ref.js';

/** The apiVersions Backstage's own schemas accept for its built-in kinds. */
export const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
export const BACKSTAGE_API_VERSION = BACKSTAGE_API_VERSIONS[0];

/**
 * The metadata every Backstage entity carries. Only the fields Roundhouse reads are checked; every
 * other field Backstage allows (annotations, labels, links, tags, …) passes unchecked.
 */
export const backstageMetadata = z.looseObject({
  name: entityName,
  namespace: entityNamespace.optional(),
  title: z.string().optional(),
  description: z.string().optional(),
});

/** A reference to another entity, `[<kind>:][<namespace>/]<name>`; resolved against the whole catalog. */
export const backstageRef = z
  .string()
  .min(1)
  .meta({ description: 'An entity reference: [<kind>:][<namespace>/]<name>.', examples: ['group:default/team-a', 'team-a'] });

export const backstageProfile = z.looseObject({ displayName: z.string().optional(), email: z.string().optional(), picture: z.string().optional() }).optional();
