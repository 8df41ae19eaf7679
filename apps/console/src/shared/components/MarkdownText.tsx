import { Suspense, lazy } from 'react';
import { SkeletonLine } from './Skeleton';

// The Markdown toolchain is most of the bundle's weight; it loads with the first runbook shown.
const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <Suspense
      fallback={
        <div className="stack" aria-busy="true">
          <SkeletonLine width="80%" />
          <SkeletonLine width="65%" />
        </div>
      }
    >
      <MarkdownRenderer markdown={markdown} />
    </Suspense>
  );
}
