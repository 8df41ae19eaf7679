import { deadLetterActionBlockedReason, deadLetterScopeBlockedReason } from '../deadLetterAccess';
import { useViewer } from './useViewer';

/** Whether the signed-in person may reprocess or discard dead letters (of a team's automations), from the viewer query. */
export function useDeadLetterAccess() {
  const viewer = useViewer();
  const person = viewer.data?.viewer;
  return {
    /** Null when the person may act; else the reason, for a disabled button's text. */
    blockedReason: (team?: string) => (viewer.isError ? 'What you may do could not be checked. Reload the page to try again.' : deadLetterActionBlockedReason(person, team)),
    /** The same for a scope of dead letters whose automations these teams own (none known: the general rule). */
    scopeBlockedReason: (teams: readonly string[]) =>
      viewer.isError ? 'What you may do could not be checked. Reload the page to try again.' : deadLetterScopeBlockedReason(person, teams),
  };
}
