import type { BackstageGroupV1alpha1 } from './backstage-group.v1alpha1.js';
import type { OnCall } from './common.js';
import type { TeamV1 } from './team.v1.js';

/** A team as Roundhouse uses it, whichever file format it came from. */
export interface Team {
  name: string;
  title: string;
  description: string | null;
  email: string | null;
  slack: string | null;
  onCall: OnCall | null;
  members: string[];
}

export function teamFromV1(entity: TeamV1): Team {
  return {
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? null,
    email: entity.spec.email ?? null,
    slack: entity.spec.slack ?? null,
    onCall: entity.spec.onCall ?? null,
    members: entity.spec.members,
  };
}

export function teamFromBackstageGroup(entity: BackstageGroupV1alpha1): Team {
  return {
    name: entity.metadata.name,
    title: entity.spec.profile?.displayName ?? entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? null,
    email: entity.spec.profile?.email ?? null,
    slack: null,
    onCall: null,
    members: (entity.spec.members ?? []).map((member) => member.replace(/^user:(default\/)?/, '')),
  };
}
