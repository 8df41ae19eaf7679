import { TableSkeleton } from '@/shared/components/TableSkeleton';

export function CatalogSkeleton() {
  return <TableSkeleton message="Loading automations…" widths={(row) => [`${40 + ((row * 17) % 30)}%`, '14%', '10%', '16%']} />;
}
