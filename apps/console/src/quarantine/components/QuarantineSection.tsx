import { Link } from 'react-router';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { QuarantineList } from './QuarantineList';
import styles from './Quarantine.module.css';

const SECTION_PAGE_SIZE = 5;

/** The latest quarantined reports of one automation, for its owners, on the automation page. */
export function QuarantineSection({ slug }: { slug: string }) {
  return (
    <Panel aria-labelledby="quarantine-section-title">
      <PanelTitle id="quarantine-section-title">Quarantined reports</PanelTitle>
      <p className="muted">Reports for this automation that failed validation at ingest. They were kept, not applied.</p>
      <QuarantineList
        automation={slug}
        pageSize={SECTION_PAGE_SIZE}
        showAutomation={false}
        emptyText="Nothing quarantined: every report for this automation passed validation."
        more={
          <p className={styles.more}>
            <Link to={`/quarantine?automation=${encodeURIComponent(slug)}`}>All quarantined reports of this automation</Link>
          </p>
        }
      />
    </Panel>
  );
}
