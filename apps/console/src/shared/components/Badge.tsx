import type { ReactNode } from 'react';
import type { Lifecycle, RunStatus } from '@/gql/graphql';
import { LIFECYCLE_LABELS, RUN_STATUS_LABELS } from '@/shared/format/labels';
import styles from './Badge.module.css';

export type BadgeTone = 'neutral' | 'good' | 'caution' | 'danger' | 'muted' | 'info';

const TONE_CLASSES: Record<BadgeTone, string | undefined> = {
  neutral: styles.badge,
  good: `${styles.badge} ${styles.good}`,
  caution: `${styles.badge} ${styles.caution}`,
  danger: `${styles.badge} ${styles.danger}`,
  muted: `${styles.badge} ${styles.muted}`,
  info: `${styles.badge} ${styles.info}`,
};

export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={TONE_CLASSES[tone]} data-tone={tone} title={title}>
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
