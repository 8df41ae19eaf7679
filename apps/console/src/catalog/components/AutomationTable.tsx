import { Link } from 'react-router';
import type { CatalogAutomationFragment } from '@/gql/graphql';
import { Badge, LifecycleBadge } from '@/shared/components/Badge';
import { AUTOMATION_TYPE_LABELS, RISK_DOMAIN_LABELS } from '@/shared/format/labels';

export function AutomationTable({ automations }: { automations: readonly CatalogAutomationFragment[] }) {
  return (
    <div className="table-scroll">
      <table className="table catalog-table">
        <caption className="visually-hidden">Automations</caption>
        <thead>
          <tr>
            <th scope="col">Automation</th>
            <th scope="col">Owner</th>
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
                <Link className="catalog-table__title" to={`/automations/${automation.slug}`}>
                  {automation.title}
                </Link>
                <span className="catalog-table__slug">{automation.slug}</span>
                {automation.archivedAt ? <Badge tone="muted">Archived</Badge> : null}
              </td>
              <td>{automation.owner.title}</td>
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
      </table>
    </div>
  );
}
