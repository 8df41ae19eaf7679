import { NavLink, useLocation } from 'react-router';
import { useTeamAccess } from '@/auth/hooks/useTeamAccess';

const TEAM_TOKENS = /^\/teams\/[^/]+\/tokens$/;

/** The console's sections; dashboards, alerts, dead letters and reprocessing for everyone signed in; quarantine and tokens only for people who manage a team (owners, admins). */
export function MainNav() {
  const access = useTeamAccess();
  const { pathname } = useLocation();
  return (
    <nav aria-label="Main" className="app-nav">
      <NavLink to="/" end>
        Catalog
      </NavLink>
      <NavLink to="/dashboards">Dashboards</NavLink>
      <NavLink to="/alerts">Alerts</NavLink>
      <NavLink to="/runs">Runs</NavLink>
      <NavLink to="/dead-letters">Dead letters</NavLink>
      <NavLink to="/reprocess">Reprocessing</NavLink>
      {access.managesAnyTeam ? (
        <>
          <NavLink to="/quarantine">Quarantine</NavLink>
          <NavLink to="/tokens" className={({ isActive }) => (isActive || TEAM_TOKENS.test(pathname) ? 'active' : undefined)}>
            Runtime tokens
          </NavLink>
        </>
      ) : null}
    </nav>
  );
}
