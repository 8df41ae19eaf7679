import { describeError } from '@/shared/graphql/ApiError';
import { Button } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: what failed, the api's reason, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <State tone="error" role="alert">
      <StateTitle>{title}</StateTitle>
      <StateText>{describeError(error)}</StateText>
      {onRetry ? (
        <Button onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </Button>
      ) : null}
    </State>
  );
}
