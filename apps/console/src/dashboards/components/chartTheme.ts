/** The stylesheet's colours, for recharts (which takes colours, not classes). */
export const CHART_COLOURS = {
  before: '#8c96a5',
  after: '#325a7a',
  afterWorse: '#a3282e',
  target: '#1f6b45',
  baseline: '#5b6676',
  line: '#325a7a',
  grid: '#eef0f3',
} as const;

export const AXIS_TICK = { fontSize: 12, fill: '#5b6676' };
export const CHART_HEIGHT = 220;
