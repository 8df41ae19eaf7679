import { describeError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { useAcknowledgeAlert } from '../hooks/useAcknowledgeAlert';
import styles from './Alerts.module.css';

/**
 * "Acknowledge": someone is on it. Disabled, with the api's reason beside it, for someone who may
 * not (operators and owners of the owning team, and admins, may); a refusal is shown in its words.
 */
export function AcknowledgeAlertButton({ id, sloTitle, blockedReason }: { id: string; sloTitle: string; blockedReason: string | null }) {
  const acknowledge = useAcknowledgeAlert(id);
  return (
    <div className={styles.acknowledge}>
      <Button
        variant="primary"
        size="small"
        aria-label={`Acknowledge the alert on “${sloTitle}”`}
        disabled={acknowledge.isPending || blockedReason !== null}
        title={blockedReason ?? undefined}
        onClick={() => acknowledge.mutate()}
      >
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
      {blockedReason === null ? null : <p className="muted">{blockedReason}</p>}
      {acknowledge.isError ? (
        <Banner tone="error" role="alert">
          Not acknowledged: {describeError(acknowledge.error)}
        </Banner>
      ) : null}
    </div>
  );
}
