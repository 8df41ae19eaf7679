import { ENTITY_SOURCE_LABELS, RISK_DOMAIN_LABELS } from '@/shared/format/labels';
import { formatDateTime } from '@/shared/format/dates';
import { useScrollToHash } from '@/shared/hooks/useScrollToHash';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';
import { AnnotationList } from './AnnotationList';
import { KpiList } from './KpiList';
import { LinkList } from './LinkList';
import { OwnershipPanel } from './OwnershipPanel';
import { PageSection as Section } from './PageSection';
import { ReleaseTimeline } from './ReleaseTimeline';
import { RunbookList } from './RunbookList';
import { RuntimeBindingPanel } from './RuntimeBindingPanel';
import { SloTable } from './SloTable';
import styles from './AutomationOverview.module.css';

function Chips({ label, values, empty }: { label: string; values: readonly string[]; empty: string }) {
  if (values.length === 0) {
    return <p className="muted">{empty}</p>;
  }
  return (
    <ul className="chips" aria-label={label}>
      {values.map((value) => (
        <li key={value} className="chip">
          {value}
        </li>
      ))}
    </ul>
  );
}

/** The Overview tab: what the automation is, its promises and proof, who owns it and how it is wired. */
export function AutomationOverview() {
  const { automation } = useAutomationOutlet();
  // Alerts and the SLOs tab link straight to a runbook: #runbook-<id>.
  useScrollToHash();
  const runbookIds = new Set(automation.runbooks.map((runbook) => runbook.id));
  return (
    <div className={styles.layout}>
      <div className="stack">
        <Section id="about" title="What it does">
          <p className="description">{automation.description}</p>
        </Section>
        <Section id="kpis" title="KPIs: before and after">
          <KpiList kpis={automation.kpis} />
        </Section>
        <Section id="slos" title="Service-level objectives">
          <SloTable slos={automation.slos} runbookIds={runbookIds} />
        </Section>
        <Section id="runbooks" title="Runbooks">
          <RunbookList runbooks={automation.runbooks} />
        </Section>
        <Section id="releases" title="Releases">
          <ReleaseTimeline releases={automation.releases} />
        </Section>
      </div>
      <aside className="stack" aria-label="Ownership and wiring">
        <Section id="ownership" title="Ownership">
          <OwnershipPanel owner={automation.owner} onCall={automation.onCall} />
        </Section>
        <Section id="systems" title="Systems">
          {automation.system === null ? null : (
            <p>
              Part of the <strong>{automation.system}</strong> system.
            </p>
          )}
          <Chips label="Systems" values={automation.systems} empty="No systems listed." />
        </Section>
        <Section id="risk" title="Risk domains">
          <Chips label="Risk domains" values={automation.riskDomains.map((domain) => RISK_DOMAIN_LABELS[domain])} empty="No risk domains." />
        </Section>
        <Section id="tags" title="Tags">
          <Chips label="Tags" values={automation.tags} empty="No tags." />
        </Section>
        <Section id="links" title="Links">
          <LinkList links={automation.links} />
        </Section>
        <Section id="annotations" title="Annotations">
          <AnnotationList annotations={automation.annotations} labels={automation.labels} />
        </Section>
        <Section id="runtime" title="Runtime binding">
          <RuntimeBindingPanel runtime={automation.runtime} />
        </Section>
        <Section id="record" title="Record">
          <dl className="facts">
            <div>
              <dt>Source</dt>
              <dd>{ENTITY_SOURCE_LABELS[automation.source]}</dd>
            </div>
            <div>
              <dt>Registered</dt>
              <dd>{formatDateTime(automation.createdAt)}</dd>
            </div>
            <div>
              <dt>Last changed</dt>
              <dd>{formatDateTime(automation.updatedAt)}</dd>
            </div>
          </dl>
        </Section>
      </aside>
    </div>
  );
}
