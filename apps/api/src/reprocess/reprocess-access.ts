import { dutiesChanges, wordList } from '../approval-policy/index.js';
import { grantsAsMember, grantsOnTeam, roleGrants, type User } from '../auth/index.js';
import { NotAllowedError } from '../errors/domain-errors.js';
import type { AutomationAsRequested, RequestRow } from './reprocess.repository.js';

// Who may act on reprocess requests: the owning team acts on its dead letters, and separation of
// duties gives the decision on a request to someone else on that team, for the automations as they
// were asked for and as they are now.

/** Whether `user` may reprocess or discard dead letters of an automation owned by `team`. */
export function mayAct(user: User | undefined, team: string): boolean {
  return grantsOnTeam(user, 'dead-letter:act', team);
}

/**
 * Whether `user` may decide on a request for an automation owned by `team`: on call for the team
 * (operators) or owning it (owners). Separation of duties gives the decision to the team, so an
 * admin decides only when on it.
 */
function mayDecide(user: User | undefined, team: string): boolean {
  return grantsAsMember(user, 'dead-letter:act', team);
}

export const SELF_APPROVAL = 'You asked for this request; someone else on call must approve it.';

/** Why `user` may not act on dead letters of these automations. */
export function deniedReason(user: User | undefined, automations: readonly string[]): string {
  if (user === undefined || !roleGrants(user.role, 'dead-letter:act')) {
    return `Your role (${user?.role ?? 'signed out'}) cannot reprocess or discard dead letters.`;
  }
  return `Only people on the owning team can act on dead letters of ${automations.join(', ')}.`;
}

/** Why `user` may not approve (or reject) a request of these automations, whoever asked for it; null when they may. */
function undecidableReason(row: Pick<RequestRow, 'automations'>, user: User | undefined, owners: ReadonlyMap<string, string>): string | null {
  const denied = row.automations.filter((slug) => !mayAct(user, owners.get(slug) ?? ''));
  if (denied.length > 0) {
    return deniedReason(user, denied);
  }
  const offTeam = row.automations.filter((slug) => !mayDecide(user, owners.get(slug) ?? ''));
  if (offTeam.length > 0) {
    return `Separation of duties: only people on the team that owns ${offTeam.join(', ')} (on call or owners) approve or reject this request, not admins off that team.`;
  }
  return null;
}

/**
 * Why `user` may not approve (or reject) the request, whoever asked for it: the rules hold for the
 * automations as they were when it was asked for (their owner team then) and as they are now.
 */
export function undecidable(row: RequestRow, user: User | undefined, now: ReadonlyMap<string, AutomationAsRequested>): string | null {
  const current = new Map(row.automations.map((slug) => [slug, now.get(slug)?.ownerTeam ?? '']));
  const requested = new Map(row.automations.map((slug) => [slug, row.requested_automations[slug]?.ownerTeam ?? current.get(slug) ?? '']));
  return undecidableReason(row, user, requested) ?? undecidableReason(row, user, current);
}

/** Approving, or rejecting someone else's request: the owning team's people only (see mayDecide). */
export function checkDecide(row: RequestRow, user: User, now: ReadonlyMap<string, AutomationAsRequested>): void {
  const reason = undecidable(row, user, now);
  if (reason !== null) {
    throw new NotAllowedError(reason);
  }
}

/** How the request's automations changed owner team or risk domains since it was asked for, in words. */
export function changesSince(row: RequestRow, now: ReadonlyMap<string, AutomationAsRequested>): string[] {
  return row.automations.flatMap((slug) => {
    const then = row.requested_automations[slug];
    const current = now.get(slug);
    return then === undefined || current === undefined ? [] : dutiesChanges(slug, then, current);
  });
}

/** Whether `user` may approve the request now, and if not (while it waits), why. */
export function decideVerdict(
  row: RequestRow,
  user: User | undefined,
  now: ReadonlyMap<string, AutomationAsRequested>,
): { canDecide: boolean; decideBlockedReason: string | null } {
  if (row.state !== 'awaiting_approval') {
    return { canDecide: false, decideBlockedReason: null };
  }
  const reason = undecidable(row, user, now);
  if (reason !== null) {
    return { canDecide: false, decideBlockedReason: reason };
  }
  if (row.requested_by === user?.id) {
    return { canDecide: false, decideBlockedReason: SELF_APPROVAL };
  }
  const changed = changesSince(row, now);
  if (changed.length > 0) {
    return { canDecide: false, decideBlockedReason: `${wordList(changed)} after it was asked for: it can no longer be approved.` };
  }
  return { canDecide: true, decideBlockedReason: null };
}

/** Why a request can no longer be approved or rejected: decided already, or not waiting. */
export function notWaiting(request: RequestRow, decision: 'approved' | 'rejected'): string {
  if (request.decision !== null) {
    return `${request.decided_by_name ?? 'Someone'} already ${request.decision} this request.`;
  }
  return `The request is ${request.state}; only a request waiting for approval can be ${decision}.`;
}
