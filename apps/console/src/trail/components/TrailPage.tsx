import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { formatDuration } from '@/shared/format/durations';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { ButtonLink } from '@/shared/ui/Button';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useTrail } from '../hooks/useTrail';
import { inTimeOrder, spanOf } from '../trailTimes';
import { TrailGantt } from './TrailGantt';
import { TrailTimeline } from './TrailTimeline';

function TrailSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <LoadingMessage>Loading the trail…</LoadingMessage>
      <SkeletonLine width="60%" />
      <SkeletonLine width="80%" />
      <SkeletonLine width="45%" />
    </div>
  );
}

function TrailEmptyState() {
  return (
    <State role="status" aria-labelledby="trail-empty-title">
      <StateTitle id="trail-empty-title">No runs carry this correlation id</StateTitle>
      <StateText>
        Check the id for a typo. A run joins a trail when its runtime passes the business transaction’s id (an order, a deal, an invoice) as the correlation id through the SDK, or
        when it is a span of this trace sent with OpenTelemetry.
      </StateText>
      <ButtonLink to="/runs">Search all runs</ButtonLink>
    </State>
  );
}

/** Every run of every automation in one business transaction, in time order. */
export function TrailPage() {
  const { correlationId = '' } = useParams();
  useDocumentTitle(`Trail ${correlationId}`);
  const query = useTrail(correlationId);
  // One "now" per load, so a still-running bar does not move under the pointer.
  const [now] = useState(() => Date.now());
  const runs = useMemo(() => inTimeOrder(query.data?.trail ?? []), [query.data]);
  const span = spanOf(runs, now);
  const automations = new Set(runs.map((run) => run.automation.slug)).size;

  let body;
  if (query.isPending) {
    body = <TrailSkeleton />;
  } else if (query.isError) {
    body = <ErrorState title="The trail could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (runs.length === 0 || span === undefined) {
    body = <TrailEmptyState />;
  } else {
    body = (
      <>
        <p className="muted" role="status">
          {runs.length} {runs.length === 1 ? 'run' : 'runs'} across {automations} {automations === 1 ? 'automation' : 'automations'}, spanning {formatDuration(span.length)}.
        </p>
        <TrailGantt runs={runs} span={span} now={now} />
        <Panel aria-labelledby="trail-timeline-title">
          <PanelTitle id="trail-timeline-title">Timeline</PanelTitle>
          <TrailTimeline runs={runs} steps={query.data?.trailSteps ?? []} />
        </Panel>
      </>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Correlation trail</p>
          <h1>
            Trail of <code>{correlationId}</code>
          </h1>
          <p className="muted">Every run of every automation in this business transaction, in the order they happened.</p>
        </div>
      </header>
      <div className="stack">{body}</div>
    </div>
  );
}
