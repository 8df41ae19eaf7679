import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { useAutomationOptions } from '@/catalog/hooks/useAutomationOptions';
import { FilterBar } from '@/shared/components/filters/FilterBar';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { ButtonLink } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useQuarantineFilter } from '../hooks/useQuarantineFilter';
import { QuarantineList } from './QuarantineList';

/** Reports refused at ingest for the teams the viewer owns (all teams for admins). */
export function QuarantinePage() {
  useDocumentTitle('Quarantine');
  const access = useTeamAccess();
  const { automation, setAutomation } = useQuarantineFilter();
  const options = useAutomationOptions({}, access.managesAnyTeam);
  const choices = (options.data ?? []).filter((option) => access.canManageTeam(option.owner.name));

  if (access.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>Loading…</LoadingMessage>
        <SkeletonLine width="40%" />
      </div>
    );
  }
  if (!access.managesAnyTeam) {
    return (
      <div className="page">
        <State role="status">
          <StateTitle level={1}>Quarantine is for automation owners</StateTitle>
          <StateText>Reports that fail validation are shown to the team that owns the automation, and to admins. Ask an owner if a runtime’s reports seem to go missing.</StateText>
          <ButtonLink to="/">Back to the catalog</ButtonLink>
        </State>
      </div>
    );
  }

  const withCurrent = automation && !choices.some((choice) => choice.slug === automation) ? [...choices, { slug: automation, title: automation }] : choices;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Quarantine</h1>
          <p className="muted">
            Reports your runtimes sent that Roundhouse refused to apply — invalid, or for an automation it does not know. Nothing here changed a run or a KPI; each says why, so the
            runtime can be fixed.
          </p>
        </div>
      </header>
      <FilterBar label="Filter quarantined reports">
        <Field id="quarantine-filter-automation" label="Automation" compact>
          {(control) => (
            <select {...control} value={automation ?? ''} onChange={(event) => setAutomation(event.target.value)}>
              <option value="">All {access.isAdmin ? 'automations' : 'of your teams’ automations'}</option>
              {withCurrent.map((choice) => (
                <option key={choice.slug} value={choice.slug}>
                  {choice.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterBar>
      <QuarantineList
        automation={automation}
        showAutomation
        emptyText={automation ? 'Nothing quarantined for this automation: every report it sent passed validation.' : 'Nothing quarantined: every report passed validation.'}
      />
    </div>
  );
}
