import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useViewer } from '@/auth/hooks/useViewer';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { NoneMatchState } from '@/shared/components/filters/NoneMatchState';
import { ShownCount } from '@/shared/components/filters/ShownCount';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Button, ButtonAnchor } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { teamsQueryOptions } from '@/teams/api/teamsQuery';
import { mayReadAudit } from '../auditAccess';
import { auditExportUrl, auditRangeProblem, toAuditFilter } from '../auditFilters';
import { useAuditActions } from '../hooks/useAuditActions';
import { useAuditEntries } from '../hooks/useAuditEntries';
import { useAuditFilters } from '../hooks/useAuditFilters';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';
import { LoadMore } from '@/shared/components/LoadMore';

/** Everything done in Roundhouse — by people, runtimes and Roundhouse itself — newest first, with why and what changed. */
export function AuditPage() {
  useDocumentTitle('Audit trail');
  const viewer = useViewer();
  const person = viewer.data?.viewer;
  const allowed = mayReadAudit(person);
  const isAdmin = person?.role === 'admin';
  // Admins may pick any team; everyone else their own.
  const teams = useQuery({ ...teamsQueryOptions(), enabled: isAdmin });
  const actions = useAuditActions(allowed);
  const { filters, setFilter, clearFilters, hasFilters } = useAuditFilters();
  const rangeProblem = auditRangeProblem(filters);
  const filter = useMemo(() => toAuditFilter(filters), [filters]);
  const query = useAuditEntries(filter, { enabled: allowed && rangeProblem === null });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.auditEntries.edges.map((edge) => edge.node)) ?? [], [query.data]);
  const teamChoices = isAdmin ? (teams.data?.teams.map((team) => team.name) ?? []) : (person?.teams ?? []);

  if (viewer.isSuccess && !allowed) {
    return (
      <div className="page">
        <State role="status" aria-labelledby="audit-not-allowed-title">
          <StateTitle id="audit-not-allowed-title" level={1}>
            The audit trail is for operators, owners and admins
          </StateTitle>
          <StateText>Your role ({person?.role ?? 'signed out'}) cannot read it. Ask an admin if you need to know who changed something.</StateText>
        </State>
      </div>
    );
  }

  let body: ReactNode;
  if (rangeProblem !== null) {
    body = null;
  } else if (viewer.isPending || query.isPending) {
    body = (
      <div className="stack" aria-busy="true">
        <LoadingMessage>Loading the audit trail…</LoadingMessage>
        <SkeletonLine width="85%" />
        <SkeletonLine width="70%" />
        <SkeletonLine width="78%" />
      </div>
    );
  } else if (query.isError && entries.length === 0) {
    body = <ErrorState title="The audit trail could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (entries.length === 0) {
    body = hasFilters ? (
      <NoneMatchState
        id="audit-empty-title"
        title="Nothing was done that matches these filters"
        hint="Widen the dates, pick another action or person, or clear the filters."
        onClear={clearFilters}
      />
    ) : (
      <NothingRecordedState />
    );
  } else {
    body = (
      <>
        <ShownCount count={entries.length} noun={['entry', 'entries']} more={query.hasNextPage} />
        <AuditTable entries={entries} />
        <LoadMore query={query} />
      </>
    );
  }

  return (
    <div className="page stack">
      <header className="page-header">
        <div>
          <h1>Audit trail</h1>
          <p className="description">
            Who did what, when and why: changes to automations, alerts acknowledged, reprocesses, tokens, catalog applies. Entries are never changed or removed.{' '}
            {isAdmin ? 'You see every team.' : `You see your teams (${person?.teams.join(', ') || 'none'}) and their automations.`}
          </p>
        </div>
        {rangeProblem === null ? (
          <ButtonAnchor href={auditExportUrl(filter)} download>
            Export CSV
          </ButtonAnchor>
        ) : (
          <Button disabled title={rangeProblem}>
            Export CSV
          </Button>
        )}
      </header>
      <AuditFiltersBar
        filters={filters}
        teams={teamChoices}
        actions={actions.data?.auditActions ?? []}
        rangeProblem={rangeProblem}
        onFilterChange={setFilter}
        onClear={clearFilters}
        hasFilters={hasFilters}
      />
      {body}
    </div>
  );
}

function NothingRecordedState() {
  return (
    <State role="status" aria-labelledby="audit-empty-title">
      <StateTitle id="audit-empty-title">Nothing has been recorded yet</StateTitle>
      <StateText>Every change and action in Roundhouse will be listed here, newest first.</StateText>
    </State>
  );
}
