import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { AutomationDetailFragment } from '@/gql/graphql';
import { Badge, LifecycleBadge } from '@/shared/components/Badge';
import { ErrorState } from '@/shared/components/ErrorState';
import { NotFoundState } from '@/shared/components/NotFoundState';
import { formatDateTime } from '@/shared/format/dates';
import { AUTOMATION_TYPE_LABELS, ENTITY_SOURCE_LABELS, RISK_DOMAIN_LABELS } from '@/shared/format/labels';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useAutomation } from '../hooks/useAutomation';
import { AutomationActions } from './AutomationActions';
import { AutomationPageSkeleton } from './AutomationPageSkeleton';
import { KpiList } from './KpiList';
import { LinkList } from './LinkList';
import { ManagedInGitNotice } from './ManagedInGitNotice';
import { OwnershipPanel } from './OwnershipPanel';
import { ReleaseTimeline } from './ReleaseTimeline';
import { RunbookList } from './RunbookList';
import { RuntimeBindingPanel } from './RuntimeBindingPanel';
import { SloTable } from './SloTable';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

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

export function AutomationPage() {
  const { slug = '' } = useParams();
  const query = useAutomation(slug);
  useDocumentTitle(query.data?.automation.title ?? slug);

  if (query.isPending) {
    return <AutomationPageSkeleton />;
  }
  if (query.isError) {
    if (hasErrorCode(query.error, 'NOT_FOUND')) {
      return (
        <NotFoundState title={`No automation called “${slug}”`}>
          <p>It may have been renamed, or its file removed from catalog/ in Git. Search the catalog for it by title or tag.</p>
        </NotFoundState>
      );
    }
    return (
      <div className="page">
        <ErrorState title="This automation could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </div>
    );
  }
  return <AutomationDetail automation={query.data.automation} />;
}

export function AutomationDetail({ automation }: { automation: AutomationDetailFragment }) {
  const runbookIds = new Set(automation.runbooks.map((runbook) => runbook.id));
  return (
    <article className="page" aria-labelledby="automation-title">
      <header className="page-header page-header--automation">
        <div>
          <p className="eyebrow">
            {automation.owner.title} · <code>{automation.slug}</code>
          </p>
          <h1 id="automation-title">{automation.title}</h1>
          <div className="badges">
            <LifecycleBadge lifecycle={automation.lifecycle} />
            <Badge>{AUTOMATION_TYPE_LABELS[automation.type]}</Badge>
            {automation.archivedAt ? <Badge tone="caution">Archived</Badge> : null}
          </div>
        </div>
        <AutomationActions {...automation} />
      </header>

      {automation.source === 'file' ? <ManagedInGitNotice sourceFile={automation.sourceFile} /> : null}
      {automation.archivedAt ? (
        <p className="banner banner--caution">Archived {formatDateTime(automation.archivedAt)}. It no longer appears in the catalog list.</p>
      ) : null}

      <div className="automation-layout">
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
    </article>
  );
}
