import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useSession } from '../hooks/useSession';
import styles from './RequireSession.module.css';

/** Renders its children for a signed-in user; sends anyone else to /sign-in and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <div className={styles.loading}>
        <LoadingMessage>Loading Roundhouse…</LoadingMessage>
        <SkeletonLine width="12rem" />
      </div>
    );
  }
  if (session.isError) {
    return (
      <main className="page" id="main">
        <ErrorState title="Roundhouse cannot check your session" error={session.error} onRetry={() => void session.refetch()} retrying={session.isFetching} />
      </main>
    );
  }
  if (!session.data.signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
