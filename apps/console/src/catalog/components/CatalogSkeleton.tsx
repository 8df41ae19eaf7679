import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';

const ROWS = 6;

export function CatalogSkeleton() {
  return (
    <div className="catalog-skeleton" aria-busy="true">
      <LoadingMessage>Loading automations…</LoadingMessage>
      {Array.from({ length: ROWS }, (_, row) => (
        <div className="catalog-skeleton__row" key={row}>
          <SkeletonLine width={`${40 + ((row * 17) % 30)}%`} />
          <SkeletonLine width="14%" />
          <SkeletonLine width="10%" />
          <SkeletonLine width="16%" />
        </div>
      ))}
    </div>
  );
}
