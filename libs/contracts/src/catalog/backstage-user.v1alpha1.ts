import { z } from 'zod';
import { BACKSTAGE_API_VERSIONS, backstageMetadata, backstageProfile, backstageRef } from './backstage-entity.js';

/**
 * A Backstage `kind: User` entity, read as a person: the teams of `spec.memberOf` (and of the Groups
 * that list the user in `spec.members`) are theirs when they sign in with a local account of the same
 * name or a single sign-on identity whose `sub` or email matches.
 */
export const backstageUserV1alpha1 = z
  .looseObject({
    apiVersion: z.enum(BACKSTAGE_API_VERSIONS),
    kind: z.literal('User'),
    metadata: backstageMetadata,
    spec: z.looseObject({
      profile: backstageProfile,
      memberOf: z.array(backstageRef).meta({ description: 'Groups the user belongs to (kind group and this entity’s namespace by default).' }),
    }),
  })
  .meta({ title: 'Backstage User v1alpha1', description: 'A Backstage User, read as a person with teams.' });

export type BackstageUserV1alpha1 = z.infer<typeof backstageUserV1alpha1>;
