import type { LiHTMLAttributes, ReactNode } from 'react';
import styles from './Timeline.module.css';

/** The colour of an item's dot on the line: the accent, or what the event's outcome means. */
export type TimelineMarker = 'accent' | 'good' | 'danger' | 'caution';

const MARKER_CLASSES: Record<TimelineMarker, string | undefined> = {
  accent: styles.marker,
  good: `${styles.marker} ${styles.good}`,
  danger: `${styles.marker} ${styles.danger}`,
  caution: `${styles.marker} ${styles.caution}`,
};

/** Events on a vertical line, in the order given; `label` names the list ("Releases, newest first"). */
export function Timeline({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ol className={styles.timeline} aria-label={label}>
      {children}
    </ol>
  );
}

interface TimelineItemProps extends Omit<LiHTMLAttributes<HTMLLIElement>, 'className'> {
  /** A dot on the line beside the item; none when left out. */
  marker?: TimelineMarker;
  /** The item's first line, above its details. */
  heading?: ReactNode;
}

/** One event on a `Timeline`: its dot, its heading and what follows. */
export function TimelineItem({ marker, heading, children, ...item }: TimelineItemProps) {
  return (
    <li {...item} className={styles.item}>
      {marker === undefined ? null : <div className={MARKER_CLASSES[marker]} aria-hidden="true" />}
      {heading === undefined ? null : <p className={styles.heading}>{heading}</p>}
      {children}
    </li>
  );
}
