import { useTeamsScope } from '@/auth/hooks/useTeamsScope';
import { useAutomationOptions } from '@/catalog/hooks/useAutomationOptions';
import { TeamsScopeToggle } from '@/shared/components/TeamsScopeToggle';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Panel, PanelHeader, PanelTitle } from '@/shared/ui/Panel';
import { groupsScope } from '../deadLetterFilters';
import { useDeadLetterFilters } from '../hooks/useDeadLetterFilters';
import { useDeadLetterGroups } from '../hooks/useDeadLetterGroups';
import { DeadLetterFiltersBar } from './DeadLetterFiltersBar';
import { DeadLetterGroups, DeadLetterGroupsError, DeadLetterGroupsSkeleton } from './DeadLetterGroups';
import { DeadLetterList, DeadLettersEmptyState } from './DeadLetterList';
import { DeadLetterScopeBar } from './DeadLetterScopeBar';
import { RetentionWarnings } from './RetentionWarnings';

const ALL_AUTOMATIONS = {};

/**
 * The teams owning what the workbench's filters reach: the chosen automation's, the chosen group's, or
 * those of every group shown. Unknown owners (an automation not in the options) count as none known.
 */
function useScopeTeams(slugs: readonly string[]): string[] {
  const options = useAutomationOptions(ALL_AUTOMATIONS);
  const owners = new Map((options.data ?? []).map((option) => [option.slug, option.owner.name]));
  const teams = slugs.map((slug) => owners.get(slug));
  return teams.every((team) => team !== undefined) ? teams : [];
}

/** The on-call's workbench: what is failing and why, grouped by error, then the messages themselves. */
export function DeadLettersPage() {
  useDocumentTitle('Dead letters');
  const { filters, setFilter, clearFilters, hasFilters } = useDeadLetterFilters();
  const teamsScope = useTeamsScope();
  const groups = useDeadLetterGroups(groupsScope(filters, teamsScope.teams));
  const chosen = groups.data?.deadLetterGroups.find((group) => group.fingerprint === filters.fingerprint);
  // With no filter at all (the default "needs action" view), no group means nothing is waiting: one calm message instead of two empty tables.
  const nothingWaiting = !hasFilters && groups.isSuccess && groups.data.deadLetterGroups.length === 0;
  let scopeSlugs: string[] = [];
  if (filters.automation) {
    scopeSlugs = [filters.automation];
  } else if (chosen) {
    scopeSlugs = [chosen.automation.slug];
  } else if (!filters.fingerprint) {
    scopeSlugs = (groups.data?.deadLetterGroups ?? []).map((group) => group.automation.slug);
  }
  const scopeTeams = useScopeTeams(scopeSlugs);

  let groupsBody;
  if (groups.isPending) {
    groupsBody = <DeadLetterGroupsSkeleton />;
  } else if (groups.isError) {
    groupsBody = <DeadLetterGroupsError error={groups.error} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />;
  } else {
    groupsBody = <DeadLetterGroups groups={groups.data.deadLetterGroups} selected={filters.fingerprint} onSelect={(fingerprint) => setFilter('fingerprint', fingerprint)} />;
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Dead letters</h1>
          <p className="muted">Messages your runtimes gave up on, grouped by error. Pick a group to see its messages; open one for its payload, its trail and the runbook.</p>
        </div>
      </header>
      <TeamsScopeToggle scope={teamsScope} label="Whose dead letters" />
      <DeadLetterScopeBar filters={filters} onFilterChange={setFilter} />
      <RetentionWarnings automation={filters.automation || null} />
      {nothingWaiting ? (
        <DeadLettersEmptyState mine={teamsScope.teams !== null} />
      ) : (
        <div className="stack">
          <Panel aria-labelledby="dead-letter-groups-title">
            <PanelHeader>
              <PanelTitle id="dead-letter-groups-title">Failing the same way</PanelTitle>
            </PanelHeader>
            {groupsBody}
          </Panel>
          <section aria-labelledby="dead-letter-list-title">
            <h2 id="dead-letter-list-title">Messages</h2>
            <DeadLetterFiltersBar
              filters={filters}
              groupLabel={chosen ? `${chosen.errorClass}: ${chosen.normalizedMessage}` : undefined}
              onFilterChange={setFilter}
              onClear={clearFilters}
              hasFilters={hasFilters}
            />
            <DeadLetterList filters={filters} hasFilters={hasFilters} onClear={clearFilters} scopeTeams={scopeTeams} teams={teamsScope.teams} />
          </section>
        </div>
      )}
    </div>
  );
}
