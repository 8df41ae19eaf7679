/** Steps an axis may take, times a power of ten: 1, 2, 2.5, 5 (10, 20, 25, 50, 100, …). */
const STEPS = [1, 2, 2.5, 5, 10] as const;

export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

/** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) that covers `span` in at most `count` intervals. */
function roundStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((candidate) => candidate * power >= raw - 1e-12) ?? 10;
  return step * power;
}

/** Removes floating-point dust from a multiple of a step: 0.30000000000000004 → 0.3. */
const clean = (value: number) => Number.parseFloat(value.toPrecision(12));

/**
 * Round ticks for a value axis holding `values` (nulls ignored): from 0 (or a round value below
 * the smallest negative one) to a round value at or above the largest, in at most `count` equal
 * round steps. 26 hours and a 0.25-hour target give 0, 10, 20, 30; 182,000 EUR gives 0, 50,000, …,
 * 200,000.
 */
export function roundTicks(values: readonly (number | null | undefined)[], count = 4): AxisScale {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const low = Math.min(0, ...known);
  const high = Math.max(0, ...known);
  if (high === low) {
    return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  }
  const step = roundStep(high - low, count);
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= last + step / 2; tick += step) {
    ticks.push(clean(tick));
  }
  return { domain: [clean(first), clean(last)], ticks };
}
