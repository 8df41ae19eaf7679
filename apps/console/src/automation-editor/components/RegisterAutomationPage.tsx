import { useNavigate } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import type { ConfirmationState } from '@/shared/components/Confirmation';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { ROLE_LABELS } from '@/shared/format/labels';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useTeams } from '@/teams/hooks/useTeams';
import { emptyFormValues } from '../form/formValues';
import { useRegisterAutomation } from '../hooks/useRegisterAutomation';
import { AutomationForm } from './AutomationForm';

export function RegisterAutomationPage() {
  useDocumentTitle('Register automation');
  const viewer = useViewer();
  const teams = useTeams();
  const register = useRegisterAutomation();
  const navigate = useNavigate();

  if (viewer.isPending || teams.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>Loading the form…</LoadingMessage>
        <SkeletonLine width="40%" />
      </div>
    );
  }
  if (viewer.isError) {
    return (
      <div className="page">
        <ErrorState title="The form could not be loaded" error={viewer.error} onRetry={() => void viewer.refetch()} retrying={viewer.isFetching} />
      </div>
    );
  }
  if (!viewer.data.viewer.canRegister) {
    return (
      <div className="page">
        <State role="status">
          <StateTitle level={1}>You cannot register automations</StateTitle>
          <StateText>
            Your role ({ROLE_LABELS[viewer.data.viewer.role]}) can read the catalog but not add to it. Ask an owner of your team, or add a YAML file under catalog/ in Git.
          </StateText>
        </State>
      </div>
    );
  }

  const defaultOwner = viewer.data.viewer.teams[0] ?? '';
  const ownerTeam = teams.data?.teams.find((team) => team.name === defaultOwner);

  return (
    <div className="page page--form">
      <header className="page-header">
        <div>
          <h1>Register an automation</h1>
          <p className="muted">Give it an owner, an SLA, a before/after KPI story and a runbook. Fields marked * are required.</p>
        </div>
      </header>
      <AutomationForm
        mode="register"
        initialValues={emptyFormValues(defaultOwner, ownerTeam?.onCall)}
        teams={teams.data?.teams}
        submitting={register.isPending}
        cancelTo="/"
        onSubmit={async (input) => {
          const data = await register.mutateAsync({ input });
          const state: ConfirmationState = {
            confirmation: `Registered “${data.registerAutomation.title}”. It is in the catalog now; its health shows here once its runtime reports.`,
          };
          await navigate(`/automations/${data.registerAutomation.slug}`, { state });
        }}
      />
    </div>
  );
}
