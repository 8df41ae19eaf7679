import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { describeError } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useDevSignIn } from '../hooks/useDevSignIn';
import { useSession } from '../hooks/useSession';
import { safeNextPath } from '../safeNextPath';
import { PersonaPicker } from './PersonaPicker';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const signIn = useDevSignIn();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));

  if (session.data?.signedIn) {
    return <Navigate to={next} replace />;
  }

  return (
    <main className="sign-in" id="main">
      <section className="sign-in__panel" aria-labelledby="sign-in-title">
        <p className="brand brand--large">Roundhouse</p>
        <h1 id="sign-in-title">Sign in</h1>
        {session.isPending ? (
          <div className="stack">
            <LoadingMessage>Checking your session…</LoadingMessage>
            <SkeletonLine width="70%" />
            <SkeletonLine width="55%" />
          </div>
        ) : session.isError ? (
          <ErrorState
            title="Roundhouse cannot check your session"
            error={session.error}
            onRetry={() => void session.refetch()}
            retrying={session.isFetching}
          />
        ) : session.data.devSignIn ? (
          <>
            <p className="muted">Development sign-in: choose who you want to be. Each persona has its own role and teams.</p>
            {signIn.isError ? (
              <p className="banner banner--error" role="alert">
                Sign-in failed: {describeError(signIn.error)}
              </p>
            ) : null}
            <PersonaPicker
              personas={session.data.personas}
              pending={signIn.isPending ? signIn.variables : undefined}
              onPick={(persona) => signIn.mutate(persona.id, { onSuccess: () => void navigate(next, { replace: true }) })}
            />
          </>
        ) : (
          <div className="state">
            <h2 className="state__title">Sign-in is not configured</h2>
            <p className="state__text">
              This Roundhouse has no way to sign you in yet. Ask the team that runs it to configure single sign-on, or, on your own
              machine, start the api with dev sign-in enabled.
            </p>
          </div>
        )}
      </section>
    </main>
  );
}
