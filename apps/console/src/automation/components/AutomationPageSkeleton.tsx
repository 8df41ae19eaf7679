import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import layout from './AutomationOverview.module.css';

export function AutomationPageSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <LoadingMessage>Loading the automation…</LoadingMessage>
      <div className="stack">
        <SkeletonLine width="18%" />
        <SkeletonLine width="55%" />
        <SkeletonLine width="30%" />
      </div>
      <div className={layout.layout}>
        <div className="stack">
          <SkeletonLine />
          <SkeletonLine width="92%" />
          <SkeletonLine width="70%" />
        </div>
        <div className="stack">
          <SkeletonLine width="80%" />
          <SkeletonLine width="60%" />
        </div>
      </div>
    </div>
  );
}
