import { type ComponentType, type ReactNode, Suspense, lazy } from 'react';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';

function PageSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <LoadingMessage>Loading the page…</LoadingMessage>
      <SkeletonLine width="16rem" />
      <SkeletonLine width="28rem" />
    </div>
  );
}

/**
 * A page whose code is its own chunk, fetched when the page is first visited, so the first page
 * weighs only what it shows. The fallback sits where the page will be: the menu, and an automation's
 * header around its tabs, stay in place while a chunk loads.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name, fallback: ReactNode = <PageSkeleton />): ComponentType {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return function LazyPage() {
    return (
      <Suspense fallback={fallback}>
        <Page />
      </Suspense>
    );
  };
}
