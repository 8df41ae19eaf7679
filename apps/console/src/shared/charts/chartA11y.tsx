/** The colours every chart is drawn on and labelled with (the stylesheet's --surface and --text). */
export const CHART_BACKGROUND = '#ffffff';
export const CHART_TEXT = '#1d2430';
/** Axis ticks: the stylesheet's --text-muted. */
export const CHART_MUTED_TEXT = '#5b6676';

/**
 * The chart's drawing as one labelled image for assistive technology: recharts makes its surface an
 * unlabelled `application` otherwise. The label says what the figure's caption and summary say; the
 * keyboard can still step through the tooltip.
 */
export function chartRole(label: string): { role: 'img'; 'aria-label': string } {
  return { role: 'img', 'aria-label': label };
}

/**
 * Legend names in the text colour, beside a swatch in the series colour: recharts writes them in the
 * series colour, which is too faint for text where the series is light.
 */
export function legendText(value: string) {
  return <span style={{ color: CHART_TEXT }}>{value}</span>;
}
