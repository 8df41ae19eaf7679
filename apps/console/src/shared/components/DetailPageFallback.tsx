import type { ReactElement, ReactNode } from 'react';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { ErrorState } from './ErrorState';
import { NotFoundState } from './NotFoundState';
import { LoadingMessage, SkeletonLine } from './Skeleton';

/** The parts of a query a detail page reads before it has its record. */
interface DetailQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

interface DetailPageWords {
  /** Said to assistive technology while it loads, e.g. 'Loading the dead letter…'. */
  loading: string;
  /** When the api answers NOT_FOUND: what there is none of (the heading says 'No dead letter <id>'), what to do, and the way back to the list. */
  notFound: { what: string; id: string; text: ReactNode; back: { to: string; label: string } };
  /** When it could not be loaded, e.g. 'This dead letter could not be loaded'. */
  errorTitle: string;
  /** Whether a failed refetch keeps showing the record already loaded (the page says it is behind) rather than the error. */
  keepLoadedOnError?: boolean;
}

/**
 * What a detail page (one record by its id) shows instead of the record: a skeleton while it loads, a
 * 404 when there is none by that id, the error with a retry when it could not be loaded; `null` once
 * the record is there.
 */
export function detailPageFallback(query: DetailQuery, words: DetailPageWords): ReactElement | null {
  if (query.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>{words.loading}</LoadingMessage>
        <SkeletonLine width="40%" />
        <SkeletonLine width="75%" />
        <SkeletonLine width="60%" />
      </div>
    );
  }
  if (!query.isError || (words.keepLoadedOnError === true && query.data !== undefined)) {
    return null;
  }
  if (hasErrorCode(query.error, 'NOT_FOUND')) {
    return (
      <div className="page">
        <NotFoundState
          title={
            <>
              No {words.notFound.what} <code>{words.notFound.id}</code>
            </>
          }
          back={words.notFound.back}
        >
          {words.notFound.text}
        </NotFoundState>
      </div>
    );
  }
  return (
    <div className="page">
      <ErrorState title={words.errorTitle} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    </div>
  );
}
