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
        <p className="banner banner--error" role="alert">
          The next page could not be loaded. Try again.
        </p>
      ) : null}
      {query.hasNextPage ? (
        <div className="load-more">
          <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </>
  );
}
