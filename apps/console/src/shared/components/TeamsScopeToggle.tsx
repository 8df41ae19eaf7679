import type { TeamsScope } from '@/auth/hooks/useTeamsScope';

/** "My teams" or "All teams", for those on a team; nothing for those on none (they see every team's). */
export function TeamsScopeToggle({ scope, label }: { scope: TeamsScope; label: string }) {
  if (scope.myTeams.length === 0) {
    return null;
  }
  const mine = scope.teams !== null;
  return (
    <div className="segmented" role="group" aria-label={label}>
      <button
        type="button"
        className={mine ? 'segmented__option segmented__option--active' : 'segmented__option'}
        aria-pressed={mine}
        title={scope.myTeams.join(', ')}
        onClick={() => scope.showAll(false)}
      >
        My teams ({scope.myTeams.join(', ')})
      </button>
      <button
        type="button"
        className={mine ? 'segmented__option' : 'segmented__option segmented__option--active'}
        aria-pressed={!mine}
        onClick={() => scope.showAll(true)}
      >
        All teams
      </button>
    </div>
  );
}
