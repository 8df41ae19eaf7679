import { useState } from 'react';
import { Dialog } from '@/shared/components/Dialog';
import { formatDateTime } from '@/shared/format/dates';
import { describeError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import { useRotateRuntimeToken } from '../hooks/useRotateRuntimeToken';
import { DEFAULT_EXPIRY_DAYS, DEFAULT_OVERLAP_HOURS, EXPIRY_CHOICES, OVERLAP_CHOICES } from '../tokenLifetimes';
import { type RuntimeToken, describeScope } from '../tokenScope';

export interface RotatedToken {
  name: string;
  secret: string;
  /** The old token's prefix and when it stops working. */
  old: { prefix: string; expiresAt: string };
}

interface RotateTokenDialogProps {
  token: RuntimeToken;
  teamTitle: string;
  titles: ReadonlyMap<string, string>;
  /** The new secret goes to the caller's state only. */
  onRotated: (rotated: RotatedToken) => void;
  onClose: () => void;
}

/** Chooses the overlap and the new token's lifetime, and says when the old token stops working. */
export function RotateTokenDialog({ token, teamTitle, titles, onRotated, onClose }: RotateTokenDialogProps) {
  const rotate = useRotateRuntimeToken(token.team);
  const [overlapHours, setOverlapHours] = useState<number>(DEFAULT_OVERLAP_HOURS);
  const [expiresInDays, setExpiresInDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  const expired = token.state === 'expired';

  const submit = () =>
    rotate.mutate(
      { id: token.id, overlapHours, expiresInDays },
      {
        onSuccess: ({ rotateRuntimeToken: rotated }) => {
          onRotated({ name: rotated.token.name, secret: rotated.secret, old: { prefix: rotated.replaced.prefix, expiresAt: rotated.replaced.expiresAt } });
          // The secret now lives only in the caller's state.
          rotate.reset();
        },
      },
    );

  return (
    <Dialog
      title={`Rotate “${token.name}”?`}
      onClose={onClose}
      actions={
        <>
          <Button variant="primary" disabled={rotate.isPending} onClick={submit}>
            {rotate.isPending ? 'Rotating…' : 'Rotate token'}
          </Button>
          <Button onClick={onClose} disabled={rotate.isPending}>
            Cancel
          </Button>
        </>
      }
    >
      <p>
        A new token “{token.name}” is created for {describeScope(token, titles, teamTitle)}, with the same capabilities. Its secret is shown once.
      </p>
      {expired ? (
        <p>
          The old token <code>{token.prefix}…</code> already expired, so runtimes using it stay refused until they get the new one.
        </p>
      ) : (
        <Field
          id="rotate-overlap"
          label="Keep the old token working for"
          hint={
            <>
              Both tokens work during this time (the old one never past {formatDateTime(token.expiresAt)}), so you can deploy the new one without a gap. Then
              <code> {token.prefix}…</code> is refused.
            </>
          }
        >
          {(control) => (
            <select {...control} value={overlapHours} onChange={(event) => setOverlapHours(Number(event.target.value))}>
              {OVERLAP_CHOICES.map((choice) => (
                <option key={choice.hours} value={choice.hours}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="rotate-expiry" label="The new token expires after">
        {(control) => (
          <select {...control} value={expiresInDays} onChange={(event) => setExpiresInDays(Number(event.target.value))}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {rotate.isError ? (
        <Banner tone="error" role="alert">
          Not rotated: {describeError(rotate.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}
