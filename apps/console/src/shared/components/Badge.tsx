import type { ReactNode } from 'react';
import type { Lifecycle, RunStatus } from '@/gql/graphql';
import { LIFECYCLE_LABELS, RUN_STATUS_LABELS } from '@/shared/format/labels';

export type BadgeTone = 'neutral' | 'good' | 'caution' | 'danger' | 'muted' | 'info';

export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

const LIFECYCLE_TONES: Record<Lifecycle, BadgeTone> = {
  experimental: 'info',
  production: 'good',
  deprecated: 'caution',
};

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  return <Badge tone={LIFECYCLE_TONES[lifecycle]}>{LIFECYCLE_LABELS[lifecycle]}</Badge>;
}

const RUN_STATUS_TONES: Record<RunStatus, BadgeTone> = {
  running: 'info',
  succeeded: 'good',
  retrying: 'caution',
  failed: 'danger',
  dead_lettered: 'danger',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={RUN_STATUS_TONES[status]}>{RUN_STATUS_LABELS[status]}</Badge>;
}
