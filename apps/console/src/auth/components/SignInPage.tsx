import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { describeError } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Banner } from '@/shared/ui/Banner';
import { ButtonAnchor } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import type { Persona, SignInMethods } from '../api/session';
import { useDevSignIn } from '../hooks/useDevSignIn';
import { useSession } from '../hooks/useSession';
import { safeNextPath } from '../safeNextPath';
import { PasswordSignInForm } from './PasswordSignInForm';
import { PersonaPicker } from './PersonaPicker';
import styles from './SignInPage.module.css';

interface SignInMethodsOfferedProps {
  methods: SignInMethods;
  personas: readonly Persona[];
  /** Where to go once signed in (a path on this site). */
  next: string;
  onSignedIn: () => void;
}

/** "Sign in with <provider>": a link, since the browser itself goes to the identity provider and comes back signed in. */
function SingleSignOnButton({ name, start, next }: { name: string; start: string; next: string }) {
  return (
    <ButtonAnchor variant="primary" href={`${start}?returnTo=${encodeURIComponent(next)}`}>
      Sign in with {name}
    </ButtonAnchor>
  );
}

/**
 * "Sign in with <provider>" when single sign-on is configured, the password form when local accounts
 * exist, the dev personas below them when dev sign-in is on, or what to do instead.
 */
function SignInMethodsOffered({ methods, personas, next, onSignedIn }: SignInMethodsOfferedProps) {
  const devSignIn = useDevSignIn();
  const singleSignOn = methods.singleSignOn ? <SingleSignOnButton name={methods.singleSignOn.name} start={methods.singleSignOn.start} next={next} /> : null;
  if (!methods.local && !methods.devSignIn) {
    if (singleSignOn) {
      return singleSignOn;
    }
    return methods.oidc ? (
      <State>
        <StateTitle>Single sign-on</StateTitle>
        <StateText>
          SSO: your identity provider signs you in at the proxy in front of Roundhouse. Open Roundhouse through your organisation’s sign-in link; if that brought you here, ask the
          team that runs Roundhouse to check the proxy.
        </StateText>
      </State>
    ) : (
      <State>
        <StateTitle>Sign-in is not configured</StateTitle>
        <StateText>
          This Roundhouse has no way to sign you in yet. Ask the team that runs it to create your account (<code>npm run accounts -- add</code>) or to configure single sign-on. On
          your own machine, <code>npm start</code> turns on dev sign-in.
        </StateText>
      </State>
    );
  }
  return (
    <>
      {singleSignOn}
      {methods.local ? <PasswordSignInForm onSignedIn={onSignedIn} /> : null}
      {methods.devSignIn ? (
        <section className="stack" aria-labelledby="dev-sign-in-title">
          <h2 id="dev-sign-in-title">Development sign-in</h2>
          <p className="muted">Choose who you want to be. Each persona has its own role and teams.</p>
          {devSignIn.isError ? (
            <Banner tone="error" role="alert">
              Sign-in failed: {describeError(devSignIn.error)}
            </Banner>
          ) : null}
          <PersonaPicker
            personas={personas}
            pending={devSignIn.isPending ? devSignIn.variables : undefined}
            onPick={(persona) => devSignIn.mutate(persona.id, { onSuccess: onSignedIn })}
          />
        </section>
      ) : null}
    </>
  );
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));

  if (session.data?.signedIn) {
    return <Navigate to={next} replace />;
  }

  return (
    <main className={styles.page} id="main">
      <section className={styles.panel} aria-labelledby="sign-in-title">
        <p className={styles.brand}>Roundhouse</p>
        <h1 id="sign-in-title">Sign in</h1>
        {session.isPending ? (
          <div className="stack">
            <LoadingMessage>Checking your session…</LoadingMessage>
            <SkeletonLine width="70%" />
            <SkeletonLine width="55%" />
          </div>
        ) : session.isError ? (
          <ErrorState title="Roundhouse cannot check your session" error={session.error} onRetry={() => void session.refetch()} retrying={session.isFetching} />
        ) : (
          <>
            {session.data.problem ? (
              <Banner tone="error" role="alert">
                {session.data.problem}
              </Banner>
            ) : null}
            <SignInMethodsOffered methods={session.data.methods} personas={session.data.personas} next={next} onSignedIn={() => void navigate(next, { replace: true })} />
          </>
        )}
      </section>
    </main>
  );
}
