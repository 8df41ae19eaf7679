/** Who did something: a person, a runtime (by its token) or Roundhouse itself. */
export type ActorKind = 'person' | 'runtime' | 'system';

export interface AuditActor {
  id: string;
  name: string;
  kind?: ActorKind;
}

/** Roundhouse acting on its own (a job finishing a request, the catalog applied at start-up). */
export const SYSTEM_ACTOR: AuditActor = { id: 'roundhouse', name: 'Roundhouse', kind: 'system' };

/** Someone running `npm run catalog -- apply` or `npm run dashboards -- apply`: Roundhouse's command line, not a signed-in person. */
export const CLI_ACTOR: AuditActor = { id: 'roundhouse-cli', name: 'Roundhouse command line', kind: 'system' };

/** One thing done, as it goes into the append-only trail. */
export interface NewAuditEntry {
  actor: AuditActor;
  /** `automation.updated`, `token.revoked`, `reprocess.requested`, `approval.approved`… */
  action: string;
  target: { kind: string; id: string };
  /** Automations it concerns (for filtering and scope). */
  automations?: readonly string[];
  /** Teams it concerns (for filtering and scope). */
  teams?: readonly string[];
  reason?: string | null;
  /** The target before and after the change, secrets left out. */
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping: a selection, counts. */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  at: Date;
  /** `at` to the microsecond, for keyset cursors (a Date keeps milliseconds only). */
  at_key: string;
  actor_id: string;
  actor_name: string;
  actor_kind: ActorKind;
  action: string;
  target_kind: string;
  target_id: string;
  automations: string[];
  teams: string[];
  reason: string | null;
  before: unknown;
  after: unknown;
  detail: Record<string, unknown>;
}
