import { Link } from 'react-router';
import { QuarantineList } from './QuarantineList';
import styles from './Quarantine.module.css';

const SECTION_PAGE_SIZE = 5;

/** The latest quarantined reports of one automation, for its owners, on the automation page. */
export function QuarantineSection({ slug }: { slug: string }) {
  return (
    <section className="panel" aria-labelledby="quarantine-section-title">
      <h2 id="quarantine-section-title" className="panel__title">
        Quarantined reports
      </h2>
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
    </section>
  );
}
