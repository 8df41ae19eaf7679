import type { AutomationDetailFragment } from '@/gql/graphql';
import { RUNTIME_KIND_LABELS } from '@/shared/format/labels';

type Runtime = NonNullable<AutomationDetailFragment['runtime']>;

const FIELDS: readonly { key: Exclude<keyof Runtime, 'kind'>; label: string }[] = [
  { key: 'queue', label: 'Queue' },
  { key: 'deadLetterQueue', label: 'Dead-letter queue' },
  { key: 'exchange', label: 'Exchange' },
  { key: 'routingKey', label: 'Routing key' },
  { key: 'stream', label: 'JetStream stream' },
  { key: 'consumer', label: 'JetStream consumer' },
  { key: 'subject', label: 'Subject filter' },
  { key: 'serviceName', label: 'OpenTelemetry service.name' },
  { key: 'reprocessUrl', label: 'Reprocess webhook' },
  { key: 'signingSecret', label: 'Webhook signing secret (environment variable)' },
  { key: 'connection', label: 'Connection (environment variable)' },
];

export function RuntimeBindingPanel({ runtime }: { runtime: AutomationDetailFragment['runtime'] }) {
  if (!runtime) {
    return <p className="muted">No runtime binding: Roundhouse cannot collect this automation’s dead letters yet.</p>;
  }
  return (
    <dl className="facts facts--grid">
      <div>
        <dt>Runs on</dt>
        <dd>{RUNTIME_KIND_LABELS[runtime.kind]}</dd>
      </div>
      {FIELDS.map(({ key, label }) => {
        const value = runtime[key];
        return value ? (
          <div key={key}>
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ) : null;
      })}
    </dl>
  );
}
