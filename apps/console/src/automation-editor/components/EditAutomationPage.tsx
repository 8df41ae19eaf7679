import { Link, useNavigate, useParams } from 'react-router';
import { useAutomation } from '@/automation/hooks/useAutomation';
import { ErrorState } from '@/shared/components/ErrorState';
import { NotFoundState } from '@/shared/components/NotFoundState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useTeams } from '@/teams/hooks/useTeams';
import { formValuesFromAutomation } from '../form/formValues';
import { useUpdateAutomation } from '../hooks/useUpdateAutomation';
import { AutomationForm } from './AutomationForm';

export function EditAutomationPage() {
  const { slug = '' } = useParams();
  const automation = useAutomation(slug);
  const teams = useTeams();
  const update = useUpdateAutomation(slug);
  const navigate = useNavigate();
  useDocumentTitle(automation.data ? `Edit ${automation.data.automation.title}` : 'Edit automation');

  if (automation.isPending || teams.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>Loading the automation…</LoadingMessage>
        <SkeletonLine width="40%" />
      </div>
    );
  }
  if (automation.isError) {
    return hasErrorCode(automation.error, 'NOT_FOUND') ? (
      <NotFoundState title={`No automation called “${slug}”`} />
    ) : (
      <div className="page">
        <ErrorState
          title="The automation could not be loaded"
          error={automation.error}
          onRetry={() => void automation.refetch()}
          retrying={automation.isFetching}
        />
      </div>
    );
  }

  const current = automation.data.automation;
  const back = `/automations/${current.slug}`;
  if (current.source === 'file' || !current.canEdit) {
    return (
      <div className="page">
        <div className="state" role="status">
          <h1 className="state__title">“{current.title}” cannot be edited here</h1>
          <p className="state__text">
            {current.source === 'file'
              ? `Managed in Git: ${current.sourceFile ?? 'a catalog file'} — edit the file and the catalog will sync.`
              : (current.editBlockedReason ?? 'You cannot edit this automation.')}
          </p>
          <Link className="button" to={back}>
            Back to the automation
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={back}>{current.title}</Link>
          </p>
          <h1>Edit {current.title}</h1>
          <p className="muted">Saving replaces the whole definition. Fields marked * are required.</p>
        </div>
      </header>
      <AutomationForm
        // A fresh form per automation; refetches of the same one never overwrite what is being typed.
        key={current.slug}
        mode="edit"
        initialValues={formValuesFromAutomation(current)}
        teams={teams.data?.teams}
        submitting={update.isPending}
        cancelTo={back}
        onSubmit={async (input) => {
          await update.mutateAsync({ slug: current.slug, input });
          await navigate(back);
        }}
      />
    </div>
  );
}
