import { TableSkeleton } from '@/shared/components/TableSkeleton';

export function RunsSkeleton() {
  return <TableSkeleton message="Loading runs…" widths={(row) => ['70%', '50%', '40%', `${30 + ((row * 13) % 40)}%`]} />;
}
