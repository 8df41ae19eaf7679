import type { TeamsScope } from '@/auth/hooks/useTeamsScope';
import { Segmented, SegmentedOption } from './Segmented';

/** "My teams" or "All teams", for those on a team; nothing for those on none (they see every team's). */
export function TeamsScopeToggle({ scope, label }: { scope: TeamsScope; label: string }) {
  if (scope.myTeams.length === 0) {
    return null;
  }
  const mine = scope.teams !== null;
  return (
    <Segmented label={label}>
      <SegmentedOption active={mine} title={scope.myTeams.join(', ')} onClick={() => scope.showAll(false)}>
        My teams ({scope.myTeams.join(', ')})
      </SegmentedOption>
      <SegmentedOption active={!mine} onClick={() => scope.showAll(true)}>
        All teams
      </SegmentedOption>
    </Segmented>
  );
}
