import { type HTMLAttributes, type Ref, createElement } from 'react';
import styles from './Banner.module.css';

/** What a banner says about its message: `error` (something failed), `caution` (waiting, about to be lost), `info`, `good` (done) or `neutral`. */
export type BannerTone = 'neutral' | 'info' | 'good' | 'caution' | 'error';

const TONE_CLASSES: Record<BannerTone, string | undefined> = {
  neutral: styles.banner,
  info: `${styles.banner} ${styles.info}`,
  good: `${styles.banner} ${styles.good}`,
  caution: `${styles.banner} ${styles.caution}`,
  error: `${styles.banner} ${styles.error}`,
};

interface BannerProps extends Omit<HTMLAttributes<HTMLElement>, 'className'> {
  tone?: BannerTone;
  /**
   * The element: `p` (the default) for a sentence or two, `div` for paragraphs and buttons, `section` for a part
   * of the page with its own name (`aria-label`). Its role (`alert` for a failure, `status`, `note`) is the caller's.
   */
  as?: 'p' | 'div' | 'section';
  /** A utility class of the caller's (`stack`, for paragraphs spaced out). */
  className?: string;
  ref?: Ref<HTMLElement>;
}

/** A message in a tinted box: a failure, a wait, a warning, a confirmation. */
export function Banner({ tone = 'neutral', as = 'p', className, ...element }: BannerProps) {
  const toneClass = TONE_CLASSES[tone];
  // createElement, so that one `ref` type serves the three elements.
  return createElement(as, { ...element, className: className === undefined ? toneClass : `${toneClass} ${className}` });
}
