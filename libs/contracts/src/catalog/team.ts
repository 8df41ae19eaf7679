import type { OnCall } from './common.js';
import type { TeamV1 } from './team.v1.js';

/** A team as Roundhouse uses it, whichever file format it came from. */
export interface Team {
  /** The key: the name, or `<namespace>/<name>` outside Backstage's default namespace. */
  name: string;
  title: string;
  description: string | null;
  email: string | null;
  slack: string | null;
  onCall: OnCall | null;
  /** People on the team: for a Backstage Group its members and the Users that name it in memberOf. */
  members: string[];
  /** The parent team's key (a Backstage Group's `spec.parent`, or the Group that lists it in `spec.children`). */
  parent: string | null;
  /** The entity as written in its file: what an export writes back. */
  definition: Record<string, unknown>;
}

export function teamFromV1(entity: TeamV1, definition: Record<string, unknown>): Team {
  return {
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? null,
    email: entity.spec.email ?? null,
    slack: entity.spec.slack ?? null,
    onCall: entity.spec.onCall ?? null,
    members: entity.spec.members,
    parent: null,
    definition,
  };
}

/** A person, from a Backstage User: the teams they are on when they sign in. */
export interface Person {
  /** The key: the name, or `<namespace>/<name>` outside the default namespace. */
  name: string;
  displayName: string;
  email: string | null;
  /** Team keys, sorted. */
  teams: string[];
  definition: Record<string, unknown>;
}
