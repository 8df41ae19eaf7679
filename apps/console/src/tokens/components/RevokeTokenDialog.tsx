import { Dialog } from '@/shared/components/Dialog';
import { describeError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { useRevokeRuntimeToken } from '../hooks/useRevokeRuntimeToken';
import { type RuntimeToken, describeScope, whatStops } from '../tokenScope';

interface RevokeTokenDialogProps {
  token: RuntimeToken;
  teamTitle: string;
  titles: ReadonlyMap<string, string>;
  onClose: () => void;
}

/** Says what stops working, and for which automations, before revoking. */
export function RevokeTokenDialog({ token, teamTitle, titles, onClose }: RevokeTokenDialogProps) {
  const revoke = useRevokeRuntimeToken(token.team);
  return (
    <Dialog
      title={`Revoke “${token.name}”?`}
      onClose={onClose}
      actions={
        <>
          <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: token.id }, { onSuccess: onClose })}>
            {revoke.isPending ? 'Revoking…' : 'Revoke token'}
          </Button>
          <Button onClick={onClose} disabled={revoke.isPending}>
            Cancel
          </Button>
        </>
      }
    >
      <p>
        Every runtime that sends <code>{token.prefix}…</code> is refused from its next request (401), for {describeScope(token, titles, teamTitle)}:
      </p>
      <ul>
        {whatStops(token.capabilities).map((phrase) => (
          <li key={phrase}>{phrase}.</li>
        ))}
      </ul>
      <p>What it already reported stays. Revoking cannot be undone: to replace the token without a gap, rotate it instead.</p>
      {revoke.isError ? (
        <Banner tone="error" role="alert">
          Not revoked: {describeError(revoke.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}
