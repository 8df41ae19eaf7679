import { describe, expect, it } from 'vitest';
import { describePath, errorTarget, fieldId, knownFieldPaths, normalizePath } from './fieldPaths';
import { emptyFormValues, newKpi, newSlo } from './formValues';

describe(errorTarget.name, () => {
  const values = { ...emptyFormValues('finance-ops'), kpis: [newKpi()], slos: [newSlo()] };
  const known = knownFieldPaths(values);

  it('places a problem on its own input when the form shows one', () => {
    expect(errorTarget('kpis[0].baseline.note', known)).toBe('kpis[0].baseline.note');
    expect(errorTarget('slug', known)).toBe('slug');
  });

  it('falls back to the nearest group the form shows', () => {
    expect(errorTarget('systems[2]', known)).toBe('systems');
    // A success-rate SLO has no threshold input: the SLO's fieldset carries it.
    expect(errorTarget('slos[0].threshold', known)).toBe('slos[0]');
    expect(errorTarget('kpis[3].name', known)).toBe('kpis');
    expect(errorTarget('nonsense', known)).toBe('');
  });
});

describe(normalizePath.name, () => {
  it('reads the notations an api might use', () => {
    expect(normalizePath('input.kpis.0.baseline.note')).toBe('kpis[0].baseline.note');
    expect(normalizePath('metadata.name')).toBe('slug');
    expect(normalizePath('spec.onCall.name')).toBe('onCall.name');
  });
});

describe(describePath.name, () => {
  it('names a problem the way the form labels it', () => {
    expect(describePath('kpis[0].baseline.note')).toBe('KPI 1 › Baseline note');
    expect(describePath('releases[1]')).toBe('Release 2');
    expect(describePath('onCall.name')).toBe('On-call name');
    expect(fieldId('kpis[0].baseline.note')).toBe('field-kpis-0-baseline-note');
  });
});
