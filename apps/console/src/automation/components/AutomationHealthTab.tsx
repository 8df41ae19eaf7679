import { Link } from 'react-router';
import { automationDeadLettersPath } from '@/dead-letters/deadLetterFilters';
import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { HealthPanel } from '@/health/components/HealthPanel';
import { QuarantineSection } from '@/quarantine/components/QuarantineSection';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';

/** The Health tab: headline numbers and charts over a window, the way to its dead letters; for its owners, what ingest refused. */
export function AutomationHealthTab() {
  const { automation } = useAutomationOutlet();
  const access = useTeamAccess();
  const owns = access.canManageTeam(automation.owner.name);
  return (
    <div className="stack">
      <HealthPanel slug={automation.slug} team={automation.owner.name} teamTitle={automation.owner.title} canManageTokens={owns} />
      <p className="muted">
        Messages this automation gave up on wait in the workbench, grouped by error, with their runbook beside them:{' '}
        <Link to={automationDeadLettersPath(automation.slug)}>Dead letters</Link>.
      </p>
      {owns ? <QuarantineSection slug={automation.slug} /> : null}
    </div>
  );
}
