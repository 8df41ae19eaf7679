import { RunbookList } from '@/automation/components/RunbookList';
import { useAutomation } from '@/automation/hooks/useAutomation';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';

/** The automation's runbooks, right beside the message, so the steps can be followed without leaving it. */
export function DeadLetterRunbooks({ slug }: { slug: string }) {
  const query = useAutomation(slug);
  if (query.isPending) {
    return (
      <div className="stack" aria-busy="true">
        <LoadingMessage>Loading the runbooks…</LoadingMessage>
        <SkeletonLine width="70%" />
        <SkeletonLine width="55%" />
      </div>
    );
  }
  if (query.isError) {
    return <ErrorState title="The runbooks could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <RunbookList runbooks={query.data.automation.runbooks} />;
}
