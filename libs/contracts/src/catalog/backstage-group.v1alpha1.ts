import { z } from 'zod';
import { BACKSTAGE_API_VERSIONS, backstageMetadata, backstageProfile, backstageRef } from './backstage-entity.js';

/**
 * A Backstage `kind: Group` entity, taken unchanged so that an organisation that keeps its org chart
 * in Backstage reuses it as Roundhouse teams: `spec.parent` / `spec.children` become the team tree,
 * `spec.members` (User refs) its members. Only the fields Roundhouse reads are checked; every other
 * Backstage field is allowed and ignored.
 */
export const backstageGroupV1alpha1 = z
  .looseObject({
    apiVersion: z.enum(BACKSTAGE_API_VERSIONS),
    kind: z.literal('Group'),
    metadata: backstageMetadata,
    spec: z.looseObject({
      type: z.string().min(1),
      profile: backstageProfile,
      parent: backstageRef.optional().meta({ description: 'The parent Group (kind group and this entity’s namespace by default).' }),
      children: z.array(backstageRef),
      members: z.array(backstageRef).optional().meta({ description: 'Users in this group (kind user and this entity’s namespace by default).' }),
    }),
  })
  .meta({ title: 'Backstage Group v1alpha1', description: 'A Backstage Group, read as a Roundhouse team.' });

export type BackstageGroupV1alpha1 = z.infer<typeof backstageGroupV1alpha1>;
