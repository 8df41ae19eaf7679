import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import styles from './LoadMore.module.css';

/** What "Load more" needs of an infinite query (react-query's `useInfiniteQuery` result fits). */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a paged list, and what went wrong loading the next page. */
export function LoadMore({ query }: { query: NextPageQuery }) {
  return (
    <>
      {query.isFetchNextPageError ? (
        <Banner tone="error" role="alert">
          The next page could not be loaded. Try again.
        </Banner>
      ) : null}
      <LoadMoreButton query={query} />
    </>
  );
}

/** Just the "Load more" button, while more pages wait. */
export function LoadMoreButton({ query }: { query: NextPageQuery }) {
  return query.hasNextPage ? (
    <div className={styles.loadMore}>
      <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
      </Button>
    </div>
  ) : null;
}
