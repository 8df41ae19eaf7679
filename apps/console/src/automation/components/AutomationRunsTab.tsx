import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { RunsExplorer } from '@/runs/components/RunsExplorer';
import { ButtonLink } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';
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
          <State role="status" aria-labelledby="runs-empty-title">
            <StateTitle id="runs-empty-title">No runs reported yet</StateTitle>
            <StateText>Runtimes report through the SDK with a runtime token; each run shows here as it starts and finishes.</StateText>
            {access.canManageTeam(team) ? <ButtonLink to={`/teams/${encodeURIComponent(team)}/tokens`}>Runtime tokens of {automation.owner.title}</ButtonLink> : null}
          </State>
        }
      />
    </section>
  );
}
