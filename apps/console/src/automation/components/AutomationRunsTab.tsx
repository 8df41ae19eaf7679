import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { RunsExplorer } from '@/runs/components/RunsExplorer';
import { ButtonLink } from '@/shared/ui/Button';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';

/** The Runs tab: this automation's runs, filtered from the URL. */
export function AutomationRunsTab() {
  const { automation } = useAutomationOutlet();
  const access = useTeamAccess();
  const team = automation.owner.name;
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title" className="visually-hidden">
        Runs
      </h2>
      <RunsExplorer
        automation={automation.slug}
        emptyState={
          <div className="state" role="status" aria-labelledby="runs-empty-title">
            <h2 id="runs-empty-title" className="state__title">
              No runs reported yet
            </h2>
            <p className="state__text">Runtimes report through the SDK with a runtime token; each run shows here as it starts and finishes.</p>
            {access.canManageTeam(team) ? <ButtonLink to={`/teams/${encodeURIComponent(team)}/tokens`}>Runtime tokens of {automation.owner.title}</ButtonLink> : null}
          </div>
        }
      />
    </section>
  );
}
