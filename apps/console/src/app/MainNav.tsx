import { NavLink, useLocation } from 'react-router';
import { ApprovalsNavLink } from '@/approvals/components/ApprovalsNavLink';
import { mayReadAudit } from '@/audit/auditAccess';
import { useTeamAccess } from '@/auth/hooks/useTeamAccess';

const TEAM_TOKENS = /^\/teams\/[^/]+\/tokens$/;

/** The console's sections; dashboards, alerts, dead letters and reprocessing for everyone signed in; quarantine and tokens only for people who manage a team (owners, admins); the audit trail for those who may read it (not viewers). */
export function MainNav({ id, className }: { id?: string; className?: string }) {
  const access = useTeamAccess();
  const { pathname } = useLocation();
  return (
    <nav id={id} aria-label="Main" className={className}>
      <NavLink to="/" end>
        Catalog
      </NavLink>
      <NavLink to="/teams" end>
        Teams
      </NavLink>
      <NavLink to="/dashboards">Dashboards</NavLink>
      <NavLink to="/alerts">Alerts</NavLink>
      <NavLink to="/runs">Runs</NavLink>
      <NavLink to="/dead-letters">Dead letters</NavLink>
      <NavLink to="/reprocess">Reprocessing</NavLink>
      {access.viewer !== undefined && access.viewer.role !== 'viewer' ? <ApprovalsNavLink /> : null}
      {mayReadAudit(access.viewer) ? <NavLink to="/audit">Audit trail</NavLink> : null}
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
