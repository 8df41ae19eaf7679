import { Link } from 'react-router';
import type { AutomationHealthState, CatalogAutomationFragment } from '@/gql/graphql';
import { Badge, type BadgeTone, LifecycleBadge } from '@/shared/components/Badge';
import { Slug } from '@/shared/components/Slug';
import { AUTOMATION_TYPE_LABELS, RISK_DOMAIN_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { Table } from '@/shared/ui/Table';
import styles from './Catalog.module.css';

const HEALTH: Record<AutomationHealthState, { label: string; tone: BadgeTone }> = {
  paging: { label: 'Paging', tone: 'danger' },
  needs_attention: { label: 'Needs attention', tone: 'caution' },
  healthy: { label: 'Healthy', tone: 'good' },
  no_runs: { label: 'No runs', tone: 'muted' },
};

const count = (value: number, one: string, many: string) => `${formatNumber(value)} ${value === 1 ? one : many}`;

/** Health in a word, and what it rests on: runs given up on out of the last 24 hours' runs. */
function Health({ status }: { status: CatalogAutomationFragment['status'] }) {
  const { label, tone } = HEALTH[status.health];
  return (
    <>
      <Badge tone={tone}>{label}</Badge>
      <span className={styles.detail}>
        {status.runsLast24h === 0 ? 'No runs in 24 h' : `${formatNumber(status.failedLast24h)} of ${count(status.runsLast24h, 'run', 'runs')} failed in 24 h`}
      </span>
    </>
  );
}

export function AutomationTable({ automations }: { automations: readonly CatalogAutomationFragment[] }) {
  return (
    <Table>
      <caption className="visually-hidden">Automations</caption>
      <thead>
        <tr>
          <th scope="col">Automation</th>
          <th scope="col">Health</th>
          <th scope="col">Open alerts</th>
          <th scope="col">Owner and on call</th>
          <th scope="col">Lifecycle</th>
          <th scope="col">Type</th>
          <th scope="col">Risk domains</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {automations.map((automation) => (
          <tr key={automation.slug}>
            <td>
              <Link className={styles.title} to={`/automations/${automation.slug}`}>
                {automation.title}
              </Link>
              <Slug>{automation.slug}</Slug>
              {automation.archivedAt ? <Badge tone="muted">Archived</Badge> : null}
            </td>
            <td>
              <Health status={automation.status} />
            </td>
            <td>
              {automation.status.openAlerts === 0 ? (
                <span className="muted">None</span>
              ) : (
                <Link to={`/automations/${encodeURIComponent(automation.slug)}/slos`}>{count(automation.status.openAlerts, 'open alert', 'open alerts')}</Link>
              )}
            </td>
            <td>
              {automation.owner.title}
              <span className={styles.detail}>
                On call: {automation.onCall.name}
                {automation.onCall.slack ? ` (${automation.onCall.slack})` : ''}
              </span>
            </td>
            <td>
              <LifecycleBadge lifecycle={automation.lifecycle} />
            </td>
            <td>{AUTOMATION_TYPE_LABELS[automation.type]}</td>
            <td>
              <ul className="chips" aria-label="Risk domains">
                {automation.riskDomains.map((domain) => (
                  <li key={domain} className="chip chip--risk">
                    {RISK_DOMAIN_LABELS[domain]}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <ul className="chips" aria-label="Tags">
                {automation.tags.map((tag) => (
                  <li key={tag} className="chip">
                    {tag}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
