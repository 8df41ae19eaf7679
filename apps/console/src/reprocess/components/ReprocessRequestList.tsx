import { type ReactNode, useMemo } from 'react';
import { RunsSkeleton } from '@/runs/components/RunsSkeleton';
import { ErrorState } from '@/shared/components/ErrorState';
import { useReprocessRequests } from '../hooks/useReprocessRequests';
import { ReprocessRequestTable } from './ReprocessRequestTable';
import { LoadMore } from '@/shared/components/LoadMore';

interface ReprocessRequestListProps {
  /** Only this automation's requests; every automation's when null. */
  automation: string | null;
  pageSize?: number;
  emptyState: ReactNode;
}

/** Requests, newest first, a page at a time ("Load more"); asked again every few seconds while one moves. */
export function ReprocessRequestList({ automation, pageSize, emptyState }: ReprocessRequestListProps) {
  const query = useReprocessRequests(automation, pageSize);
  const requests = useMemo(() => query.data?.pages.flatMap((page) => page.reprocessRequests.edges.map((edge) => edge.node)) ?? [], [query.data]);

  if (query.isPending) {
    return <RunsSkeleton />;
  }
  if (query.isError && requests.length === 0) {
    return <ErrorState title="Reprocess requests could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (requests.length === 0) {
    return <>{emptyState}</>;
  }
  return (
    <div>
      <ReprocessRequestTable requests={requests} showAutomations={automation === null} />
      <LoadMore query={query} />
    </div>
  );
}
