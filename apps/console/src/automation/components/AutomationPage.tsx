import { Outlet, useLocation, useParams } from 'react-router';
import type { AutomationDetailFragment } from '@/gql/graphql';
import { Badge, LifecycleBadge } from '@/shared/components/Badge';
import { Confirmation, confirmationFrom } from '@/shared/components/Confirmation';
import { ErrorState } from '@/shared/components/ErrorState';
import { NotFoundState } from '@/shared/components/NotFoundState';
import { formatDateTime } from '@/shared/format/dates';
import { AUTOMATION_TYPE_LABELS } from '@/shared/format/labels';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useAutomation } from '../hooks/useAutomation';
import type { AutomationOutletContext } from '../hooks/useAutomationOutlet';
import { RetentionWarnings } from '@/dead-letters/components/RetentionWarnings';
import { Banner } from '@/shared/ui/Banner';
import { AutomationActions } from './AutomationActions';
import { AutomationPageSkeleton } from './AutomationPageSkeleton';
import { AutomationTabs } from './AutomationTabs';
import { ManagedInGitNotice } from './ManagedInGitNotice';

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
  return <AutomationFrame automation={query.data.automation} />;
}

/** What every tab shares: the title, badges, actions and notices, then the tab bar and the tab. */
export function AutomationFrame({ automation }: { automation: AutomationDetailFragment }) {
  const context: AutomationOutletContext = { automation };
  // Said once, on arrival from the form that saved it; the next tab or page no longer carries it.
  const confirmation = confirmationFrom(useLocation().state);
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

      {confirmation === undefined ? null : <Confirmation label="Saved">{confirmation}</Confirmation>}
      {automation.source === 'file' ? <ManagedInGitNotice sourceFile={automation.sourceFile} /> : null}
      {automation.archivedAt ? <Banner tone="caution">Archived {formatDateTime(automation.archivedAt)}. It no longer appears in the catalog list.</Banner> : null}
      {automation.archivedAt ? null : <RetentionWarnings automation={automation.slug} linkToDeadLetters />}

      <AutomationTabs slug={automation.slug} />
      <Outlet context={context} />
    </article>
  );
}
