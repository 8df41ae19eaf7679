import { Link } from 'react-router';
import { failedAgainPath } from '@/dead-letters/deadLetterFilters';
import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { Banner } from '@/shared/ui/Banner';

/**
 * The messages of a reprocess that failed again and wait for a decision: one link to exactly those in
 * the workbench, grouped by the error they failed with this time. Nothing when none did.
 */
export function FailedAgainLink({ request }: { request: Pick<ReprocessRequestDetailFragment, 'id' | 'failedAgain'> }) {
  if (request.failedAgain === 0) {
    return null;
  }
  const text = request.failedAgain === 1 ? 'the 1 that failed again' : `the ${formatNumber(request.failedAgain)} that failed again`;
  return (
    <Banner tone="caution" role="status">
      <span className="strong">Failed again.</span> Open <Link to={failedAgainPath(request.id)}>{text}</Link>, grouped by the error they failed with this time.
    </Banner>
  );
}
