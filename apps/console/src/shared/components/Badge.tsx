import type { ReactNode } from 'react';
import type { Lifecycle } from '@/gql/graphql';
import { LIFECYCLE_LABELS } from '@/shared/format/labels';

export type BadgeTone = 'neutral' | 'good' | 'caution' | 'muted' | 'info';

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
