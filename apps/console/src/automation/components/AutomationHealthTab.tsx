import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { HealthPanel } from '@/health/components/HealthPanel';
import { QuarantineSection } from '@/quarantine/components/QuarantineSection';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';

/** The Health tab: headline numbers and charts over a window; for its owners, what ingest refused. */
export function AutomationHealthTab() {
  const { automation } = useAutomationOutlet();
  const access = useTeamAccess();
  const owns = access.canManageTeam(automation.owner.name);
  return (
    <div className="stack">
      <HealthPanel slug={automation.slug} team={automation.owner.name} teamTitle={automation.owner.title} canManageTokens={owns} />
      {owns ? <QuarantineSection slug={automation.slug} /> : null}
    </div>
  );
}
