import { render } from '@testing-library/react';
import Color from 'colorjs.io';
import { describe, expect, it } from 'vitest';
import { CHART_BACKGROUND, CHART_MUTED_TEXT, CHART_TEXT, legendText } from '@/shared/charts/chartA11y';
import { HEALTH_COLOURS } from './healthChartColours';

/** WCAG 2.1 contrast ratio, computed by colorjs.io (the CSS Color specification editors' library), not by us. */
const contrast = (foreground: string, background: string) => Color.contrast(foreground, background, 'WCAG21');

describe('health chart colours', () => {
  it('draws every series at least 3:1 against the chart (WCAG 2.1 AA for graphics, 1.4.11), the p50 line included', () => {
    const ratios = Object.fromEntries(Object.entries(HEALTH_COLOURS).map(([series, colour]) => [series, contrast(colour, CHART_BACKGROUND)]));
    const faint = Object.entries(ratios).filter(([, ratio]) => ratio < 3);
    expect(faint).toEqual([]);
    expect(ratios.p50).toBeGreaterThanOrEqual(3);
  });

  it('writes legend names and axis ticks at least 4.5:1 (WCAG 2.1 AA for text, 1.4.3)', () => {
    expect(contrast(CHART_TEXT, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(CHART_MUTED_TEXT, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    const { container } = render(legendText('p50'));
    const name = container.querySelector('span');
    expect(name?.textContent).toBe('p50');
    // In the text colour, not the series': the old p50 blue (#8fb0cb) was 2.3:1 as text.
    expect(new Color(name?.style.color ?? 'transparent').toString({ format: 'hex' })).toBe(new Color(CHART_TEXT).toString({ format: 'hex' }));
    expect(contrast('#8fb0cb', CHART_BACKGROUND)).toBeLessThan(3);
  });
});
