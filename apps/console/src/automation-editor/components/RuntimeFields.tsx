import { RUNTIME_KIND_LABELS, optionsOf } from '@/shared/format/labels';
import { fieldPath } from '../form/fieldPaths';
import type { RuntimeValues } from '../form/formValues';
import { FormFieldset, SelectField, TextField } from './FormField';
import { FieldGrid } from './FieldGrid';

const KINDS = optionsOf(RUNTIME_KIND_LABELS);

export function RuntimeFields({ value, onChange }: { value: RuntimeValues; onChange: (patch: Partial<RuntimeValues>) => void }) {
  return (
    <FormFieldset path="runtime" legend="Runtime binding" hint="Where it runs and how Roundhouse reaches its failures. Names only, never secrets.">
      <SelectField path={fieldPath.runtime('kind')} options={KINDS} emptyOption="No runtime binding" value={value.kind} onChange={(kind) => onChange({ kind })} />
      {value.kind === '' ? null : (
        <FieldGrid columns={3}>
          <TextField path={fieldPath.runtime('queue')} placeholder="invoices.generate" value={value.queue} onChange={(queue) => onChange({ queue })} />
          <TextField
            path={fieldPath.runtime('deadLetterQueue')}
            placeholder="invoices.generate.dlq"
            value={value.deadLetterQueue}
            onChange={(deadLetterQueue) => onChange({ deadLetterQueue })}
          />
          <TextField path={fieldPath.runtime('exchange')} placeholder="finance" value={value.exchange} onChange={(exchange) => onChange({ exchange })} />
          <TextField path={fieldPath.runtime('routingKey')} placeholder="deal.closed_won" value={value.routingKey} onChange={(routingKey) => onChange({ routingKey })} />
          <TextField
            path={fieldPath.runtime('stream')}
            placeholder="PAYOUTS"
            hint="NATS JetStream: the stream that holds the messages."
            value={value.stream}
            onChange={(stream) => onChange({ stream })}
          />
          <TextField
            path={fieldPath.runtime('consumer')}
            placeholder="payout-settler"
            hint="NATS JetStream: the durable consumer whose given-up messages (max deliveries, terminated) Roundhouse collects."
            value={value.consumer}
            onChange={(consumer) => onChange({ consumer })}
          />
          <TextField
            path={fieldPath.runtime('subject')}
            placeholder="payouts.settle.>"
            hint="NATS JetStream: the subjects the consumer reads."
            value={value.subject}
            onChange={(subject) => onChange({ subject })}
          />
          <TextField
            path={fieldPath.runtime('serviceName')}
            placeholder="invoice-worker"
            hint="The OpenTelemetry service.name of the program: its root spans sent to /v1/traces become this automation’s runs."
            value={value.serviceName}
            onChange={(serviceName) => onChange({ serviceName })}
          />
          <TextField
            path={fieldPath.runtime('reprocessUrl')}
            type="url"
            placeholder="https://"
            hint="Webhook that receives reprocess commands: a public address (private and loopback ones are refused unless the operator allows them). Redirects are not followed."
            value={value.reprocessUrl}
            onChange={(reprocessUrl) => onChange({ reprocessUrl })}
          />
          <TextField
            path={fieldPath.runtime('signingSecret')}
            placeholder="ROUNDHOUSE_RUNTIME_INVOICE_REPROCESS_SECRET"
            hint="The name of the environment variable holding the secret reprocess webhooks are signed with: one starting with ROUNDHOUSE_RUNTIME_, or one the operator allows."
            value={value.signingSecret}
            onChange={(signingSecret) => onChange({ signingSecret })}
          />
          <TextField
            path={fieldPath.runtime('connection')}
            placeholder="ROUNDHOUSE_RUNTIME_RABBITMQ_URL"
            hint="The name of the environment variable holding the connection string: one starting with ROUNDHOUSE_RUNTIME_, or one the operator allows."
            value={value.connection}
            onChange={(connection) => onChange({ connection })}
          />
        </FieldGrid>
      )}
    </FormFieldset>
  );
}
