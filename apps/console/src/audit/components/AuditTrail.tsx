import { useEffect, useMemo, useRef } from 'react';
import { useViewer } from '@/auth/hooks/useViewer';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadMore } from '@/shared/components/LoadMore';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { mayReadAudit } from '../auditAccess';
import { type AuditScope, auditScopeFilter } from '../auditFilters';
import { useAuditEntries } from '../hooks/useAuditEntries';
import { AuditTable } from './AuditTable';

interface AuditTrailProps {
  scope: AuditScope;
  /** Ask again every few seconds (the request is moving). */
  live?: boolean;
  /** Ask again whenever this changes (e.g. the request's state: pausing or finishing writes an entry). */
  version?: string;
  emptyText: string;
}

/**
 * Who did what, when and why to a request or an automation's dead letters — newest first, as the api
 * recorded it (append-only). Only what the reader may read in the audit trail: nothing for viewers, and
 * for operators and owners nothing of another team's automation.
 */
export function AuditTrail({ scope, live = false, version, emptyText }: AuditTrailProps) {
  const viewer = useViewer();
  const person = viewer.data?.viewer;
  const readable = mayReadAudit(person) && ('requestId' in scope || person?.role === 'admin' || person?.teams.includes(scope.team) === true);
  const query = useAuditEntries(auditScopeFilter(scope), { enabled: readable, live });
  const { refetch } = query;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current !== version) {
      seen.current = version;
      if (readable) {
        void refetch();
      }
    }
  }, [version, readable, refetch]);
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.auditEntries.edges.map((edge) => edge.node)) ?? [], [query.data]);

  if (viewer.isPending || (readable && query.isPending)) {
    return (
      <div className="stack" aria-busy="true">
        <LoadingMessage>Loading the audit trail…</LoadingMessage>
        <SkeletonLine width="80%" />
        <SkeletonLine width="65%" />
      </div>
    );
  }
  if (query.isError && entries.length === 0) {
    return <ErrorState title="The audit trail could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (entries.length === 0) {
    return (
      <p className="muted" role="status">
        {emptyText}
      </p>
    );
  }
  return (
    <>
      <AuditTable entries={entries} showTarget={'automation' in scope} />
      <LoadMore query={query} />
    </>
  );
}
