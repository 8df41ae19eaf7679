import { useId } from 'react';

interface InfoTipProps {
  /** What the tip is about, for the button's name: "How throughput is computed". */
  label: string;
  /** The explanation, in plain words. */
  children: string;
}

/**
 * A small "?" that explains a number on hover or keyboard focus. The text is always in the page
 * (shown on demand) and describes the button, so screen readers hear it without hovering.
 */
export function InfoTip({ label, children }: InfoTipProps) {
  const id = useId();
  return (
    <span className="info-tip">
      <button type="button" className="info-tip__button" aria-label={label} aria-describedby={id}>
        ?
      </button>
      <span role="tooltip" id={id} className="info-tip__text">
        {children}
      </span>
    </span>
  );
}
