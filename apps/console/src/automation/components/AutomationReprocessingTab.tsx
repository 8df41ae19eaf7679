import { Link } from 'react-router';
import { automationDeadLettersPath } from '@/dead-letters/deadLetterFilters';
import { AuditTrail } from '@/audit/components/AuditTrail';
import { ReprocessRequestList } from '@/reprocess/components/ReprocessRequestList';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';
import { PageSection as Section } from './PageSection';

const TAB_PAGE_SIZE = 10;

/** The Reprocessing tab: this automation's reprocess and discard requests with their progress, and the record of who did what. */
export function AutomationReprocessingTab() {
  const { automation } = useAutomationOutlet();
  const deadLetters = automationDeadLettersPath(automation.slug);
  return (
    <div className="stack">
      <Section id="reprocess-requests-title" title="Requests" actions={<Link to={deadLetters}>Dead letters of this automation</Link>}>
        <ReprocessRequestList
          automation={automation.slug}
          pageSize={TAB_PAGE_SIZE}
          emptyState={
            <p className="muted" role="status">
              None of this automation’s dead letters has been reprocessed or discarded yet. Start from its <Link to={deadLetters}>dead letters</Link>.
            </p>
          }
        />
      </Section>
      <Section id="reprocess-audit-title" title="Audit trail">
        <AuditTrail scope={{ automation: automation.slug, team: automation.owner.name }} emptyText="Nothing recorded for this automation’s dead letters yet." />
      </Section>
    </div>
  );
}
