import { useNavigate } from 'react-router';
import { Badge } from '@/shared/components/Badge';
import { ROLE_LABELS } from '@/shared/format/labels';
import { describeError } from '@/shared/graphql/ApiError';
import { Button } from '@/shared/ui/Button';
import { useSignedInUser } from '../hooks/useSignedInUser';
import { useSignOut } from '../hooks/useSignOut';
import styles from './UserMenu.module.css';

/** Who is signed in, as what, and the way out (`className`: where the header places it). */
export function UserMenu({ className }: { className?: string }) {
  const user = useSignedInUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) {
    return null;
  }
  return (
    <div className={className === undefined ? styles.menu : `${styles.menu} ${className}`} aria-label="Signed-in user" role="group">
      <span className={styles.name}>{user.name}</span>
      <Badge tone="muted">{ROLE_LABELS[user.role]}</Badge>
      {user.teams.length > 0 ? <span className={styles.teams}>{user.teams.join(', ')}</span> : null}
      <Button
        variant="quiet"
        disabled={signOut.isPending}
        title={signOut.isError ? `Sign-out failed: ${describeError(signOut.error)}` : undefined}
        onClick={() =>
          signOut.mutate(undefined, {
            // Signed in with the identity provider: sign out there too, which brings the browser back to /sign-in.
            onSuccess: ({ redirectTo }) => (redirectTo === null ? void navigate('/sign-in', { replace: true }) : window.location.assign(redirectTo)),
          })
        }
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </Button>
    </div>
  );
}
