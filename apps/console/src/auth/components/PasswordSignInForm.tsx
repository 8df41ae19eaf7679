import { useRef, useState, type FormEvent } from 'react';
import { describeError, isApiError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import { useSignIn } from '../hooks/useSignIn';

/** What went wrong, in the api's words when it refused the credentials. */
function failure(error: unknown): string {
  if (isApiError(error) && error.status === 429) {
    return 'Too many sign-in attempts from this address. Wait a minute, then try again.';
  }
  if (isApiError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'BAD_USER_INPUT')) {
    return error.message;
  }
  return describeError(error);
}

/** A local account's username and password. A refusal keeps the username and clears the password. */
export function PasswordSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) {
      return;
    }
    if (username.trim() === '' || password === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: () => {
          setPassword('');
          passwordInput.current?.focus();
        },
      },
    );
  };

  const problem = missing ? 'Enter your username and your password.' : signIn.isError ? failure(signIn.error) : undefined;
  return (
    <form className="stack" aria-label="Sign in with your account" aria-busy={signIn.isPending} onSubmit={submit} noValidate>
      {problem === undefined ? null : (
        <Banner tone="error" role="alert" id="sign-in-problem">
          {problem}
        </Banner>
      )}
      <Field id="sign-in-username" label="Username">
        {(control) => (
          <input
            {...control}
            aria-describedby={problem === undefined ? undefined : 'sign-in-problem'}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        )}
      </Field>
      <Field id="sign-in-password" label="Password">
        {(control) => (
          <input
            {...control}
            aria-describedby={problem === undefined ? undefined : 'sign-in-problem'}
            name="password"
            type="password"
            autoComplete="current-password"
            ref={passwordInput}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <div>
        <Button type="submit" variant="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </div>
    </form>
  );
}
