import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';

const ROWS = 6;

export function RunsSkeleton() {
  return (
    <div className="catalog-skeleton" aria-busy="true">
      <LoadingMessage>Loading runs…</LoadingMessage>
      {Array.from({ length: ROWS }, (_, row) => (
        <div className="catalog-skeleton__row" key={row}>
          <SkeletonLine width="70%" />
          <SkeletonLine width="50%" />
          <SkeletonLine width="40%" />
          <SkeletonLine width={`${30 + ((row * 13) % 40)}%`} />
        </div>
      ))}
    </div>
  );
}
