import { Link, useParams } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import { useAutomation } from '@/automation/hooks/useAutomation';
import type { DeadLetterQuery } from '@/gql/graphql';
import { trailPath } from '@/runs/components/RunsTable';
import { detailPageFallback } from '@/shared/components/DetailPageFallback';
import { formatInstant } from '@/shared/format/dates';
import { DEAD_LETTER_SOURCE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { ErrorClass } from '@/shared/components/RunError';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { automationDeadLettersPath, deadLetterPath } from '../deadLetterFilters';
import { useDeadLetter } from '../hooks/useDeadLetter';
import { DeadLetterActions } from './DeadLetterActions';
import { DeadLetterHeaders } from './DeadLetterHeaders';
import { DeadLetterEarlierErrors, DeadLetterHistory } from './DeadLetterHistory';
import { DeadLetterPayload } from './DeadLetterPayload';
import { DeadLetterRunbooks } from './DeadLetterRunbooks';
import { DeadLetterStatusBadge } from './DeadLetterStatusBadge';
import styles from './DeadLetterPage.module.css';

type DeadLetter = DeadLetterQuery['deadLetter'];

function Facts({ deadLetter }: { deadLetter: DeadLetter }) {
  return (
    <dl className="facts facts--grid">
      <div>
        <dt>Automation</dt>
        <dd>
          <Link to={`/automations/${deadLetter.automation.slug}`}>{deadLetter.automation.title}</Link>
        </dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>
          {DEAD_LETTER_SOURCE_LABELS[deadLetter.sourceKind]} <span className="mono">{deadLetter.sourceQueue}</span>
        </dd>
      </div>
      <div>
        <dt>Message id</dt>
        <dd className="mono">{deadLetter.messageId}</dd>
      </div>
      <div>
        <dt>Attempts / deliveries</dt>
        <dd>
          {formatNumber(deadLetter.attempts)} {deadLetter.attempts === 1 ? 'attempt' : 'attempts'}, dead-lettered {formatNumber(deadLetter.deliveries)}{' '}
          {deadLetter.deliveries === 1 ? 'time' : 'times'}
        </dd>
      </div>
      <div>
        <dt>First failed</dt>
        <dd>
          <time dateTime={deadLetter.firstFailedAt}>{formatInstant(deadLetter.firstFailedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Last failed</dt>
        <dd>
          <time dateTime={deadLetter.lastFailedAt}>{formatInstant(deadLetter.lastFailedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Correlation id</dt>
        <dd>
          {deadLetter.correlationId ? (
            <Link className="mono" to={trailPath(deadLetter.correlationId)} title="Every run in this transaction">
              {deadLetter.correlationId}
            </Link>
          ) : (
            <span className="muted">none reported</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Run id</dt>
        <dd>{deadLetter.runId ? <span className="mono">{deadLetter.runId}</span> : <span className="muted">none reported</span>}</dd>
      </div>
    </dl>
  );
}

/** The payload, with who the viewer is and which team owns the automation, so a masked one says why. */
function Payload({ deadLetter }: { deadLetter: DeadLetter }) {
  const viewer = useViewer().data?.viewer;
  const ownerTeam = useAutomation(deadLetter.automation.slug).data?.automation.owner.name;
  return (
    <DeadLetterPayload
      payload={deadLetter.payload}
      masked={deadLetter.payloadMasked}
      format={deadLetter.payloadFormat}
      contentType={deadLetter.contentType}
      contentEncoding={deadLetter.contentEncoding}
      bodyBytes={deadLetter.bodyBytes}
      viewer={viewer}
      ownerTeam={ownerTeam}
    />
  );
}

/** One dead letter: why it failed, where it came from, what was done about it, what it carried, and the runbook that says what to do; reprocess or discard it. */
export function DeadLetterPage() {
  const { id = '' } = useParams();
  const query = useDeadLetter(id);
  useDocumentTitle(query.data ? `${query.data.deadLetter.errorClass} · Dead letter` : 'Dead letter');

  const fallback = detailPageFallback(query, {
    loading: 'Loading the dead letter…',
    notFound: {
      what: 'dead letter',
      id,
      text: 'The link may be mistyped, or the dead letter may be older than the retention window. Look for it by its error.',
      back: { to: '/dead-letters', label: 'Back to dead letters' },
    },
    errorTitle: 'This dead letter could not be loaded',
  });
  if (fallback !== null || query.data === undefined) {
    return fallback;
  }

  const { deadLetter } = query.data;
  return (
    <div className="page" data-dead-letter-id={deadLetter.id}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={automationDeadLettersPath(deadLetter.automation.slug)}>Dead letters</Link> · {deadLetter.automation.title}
          </p>
          <h1>
            <ErrorClass>{deadLetter.errorClass}</ErrorClass> <DeadLetterStatusBadge status={deadLetter.status} />
          </h1>
          <p className={styles.message}>{deadLetter.errorMessage}</p>
          {deadLetter.reprocessOf ? (
            <p className={styles.reprocessOf}>
              Failed again after reprocessing <Link to={deadLetterPath(deadLetter.reprocessOf)}>dead letter #{deadLetter.reprocessOf}</Link>
            </p>
          ) : null}
        </div>
        <DeadLetterActions id={deadLetter.id} status={deadLetter.status} automation={deadLetter.automation.slug} />
      </header>
      <div className="stack">
        <Panel aria-labelledby="dead-letter-facts-title">
          <PanelTitle id="dead-letter-facts-title">Where it came from</PanelTitle>
          <Facts deadLetter={deadLetter} />
        </Panel>
        <Panel aria-labelledby="dead-letter-history-title">
          <PanelTitle id="dead-letter-history-title">History</PanelTitle>
          <DeadLetterHistory actions={deadLetter.actions} />
          <DeadLetterEarlierErrors errors={deadLetter.earlierErrors} />
        </Panel>
        <Panel aria-labelledby="dead-letter-payload-title">
          <PanelTitle id="dead-letter-payload-title">Payload</PanelTitle>
          <Payload deadLetter={deadLetter} />
        </Panel>
        <Panel aria-labelledby="dead-letter-headers-title">
          <PanelTitle id="dead-letter-headers-title">Headers</PanelTitle>
          <DeadLetterHeaders headers={deadLetter.headers} />
        </Panel>
        <Panel aria-labelledby="dead-letter-runbooks-title">
          <PanelTitle id="dead-letter-runbooks-title">Runbooks</PanelTitle>
          <DeadLetterRunbooks slug={deadLetter.automation.slug} />
        </Panel>
      </div>
    </div>
  );
}
