import { canManageTeam, managesAnyTeam } from '../teamAccess';
import { useViewer } from './useViewer';

/** What the signed-in person may manage, from the viewer query; nothing until it has answered. */
export function useTeamAccess() {
  const viewer = useViewer();
  const person = viewer.data?.viewer;
  return {
    viewer: person,
    isPending: viewer.isPending,
    isAdmin: person?.role === 'admin',
    managesAnyTeam: managesAnyTeam(person),
    canManageTeam: (team: string) => canManageTeam(person, team),
  };
}
