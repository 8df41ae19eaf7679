import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { formatInstant } from '@/shared/format/dates';
import type { AuditScope } from '../api/auditTrailQuery';
import { describeAuditAction, describeAuditDetail } from '../auditActions';
import { useAuditTrail } from '../hooks/useAuditTrail';
import { reprocessPath } from '../reprocessProgress';

interface AuditTrailProps {
  scope: AuditScope;
  /** Ask again every few seconds (the request is moving). */
  live?: boolean;
  /** Ask again whenever this changes (e.g. the request's state: pausing or finishing writes an entry). */
  version?: string;
  /** Name the request of each entry (an automation's trail spans several). */
  showRequest?: boolean;
  emptyText: string;
}

/** Who did what, when and why — newest first, as the api recorded it (append-only). */
export function AuditTrail({ scope, live = false, version, showRequest = false, emptyText }: AuditTrailProps) {
  const query = useAuditTrail(scope, { live });
  const { refetch } = query;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current !== version) {
      seen.current = version;
      void refetch();
    }
  }, [version, refetch]);
  if (query.isPending) {
    return (
      <div className="stack" aria-busy="true">
        <LoadingMessage>Loading the audit trail…</LoadingMessage>
        <SkeletonLine width="80%" />
        <SkeletonLine width="65%" />
      </div>
    );
  }
  if (query.isError) {
    return <ErrorState title="The audit trail could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  const entries = query.data.auditTrail;
  if (entries.length === 0) {
    return (
      <p className="muted" role="status">
        {emptyText}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table audit-trail">
        <caption className="visually-hidden">Audit trail, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            {showRequest ? <th scope="col">Request</th> : null}
            <th scope="col">Why</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
              </td>
              <td>{entry.actor.name}</td>
              <td>{describeAuditAction(entry.action)}</td>
              {showRequest ? (
                <td>{entry.targetKind === 'reprocess_request' ? <Link to={reprocessPath(entry.targetId)}>#{entry.targetId}</Link> : <span className="muted">—</span>}</td>
              ) : null}
              <td>{entry.reason ?? <span className="muted">—</span>}</td>
              <td className="audit-trail__detail">{describeAuditDetail(entry.detail).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
