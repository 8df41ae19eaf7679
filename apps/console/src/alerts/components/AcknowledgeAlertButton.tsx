import { describeError } from '@/shared/graphql/ApiError';
import { useAcknowledgeAlert } from '../hooks/useAcknowledgeAlert';

/** "Acknowledge": someone is on it. The api decides who may (operators, the owning team, admins); a refusal is shown in its words. */
export function AcknowledgeAlertButton({ id, sloTitle }: { id: string; sloTitle: string }) {
  const acknowledge = useAcknowledgeAlert(id);
  return (
    <div className="alert-ack">
      <button
        type="button"
        className="button button--small button--primary"
        aria-label={`Acknowledge the alert on “${sloTitle}”`}
        disabled={acknowledge.isPending}
        onClick={() => acknowledge.mutate()}
      >
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      {acknowledge.isError ? (
        <p className="banner banner--error" role="alert">
          Not acknowledged: {describeError(acknowledge.error)}
        </p>
      ) : null}
    </div>
  );
}
