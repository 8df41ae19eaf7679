import type { Slo } from '@roundhouse/contracts';

const FIELDS: readonly (keyof Slo)[] = ['title', 'indicator', 'objective', 'percentile', 'threshold', 'maxBacklog', 'window', 'runbook'];

function shown(field: keyof Slo, value: Slo[keyof Slo]): string {
  if (value === undefined) {
    return 'none';
  }
  if (field === 'objective') {
    return `${String(value)}%`;
  }
  if (field === 'percentile') {
    return `p${String(value)}`;
  }
  if (field === 'title') {
    return `“${String(value)}”`;
  }
  return String(value).replaceAll('_', ' ');
}

/** An SLO in a few words: `99% success rate over 30d`, `95% p99 latency within 15m over 30d`. */
export function describeSlo(slo: Slo): string {
  const indicator = slo.indicator.replaceAll('_', ' ');
  const percentile = slo.percentile === undefined ? '' : `p${slo.percentile} `;
  const bound = slo.threshold === undefined ? '' : ` within ${slo.threshold}`;
  const backlog = slo.maxBacklog === undefined ? '' : ` of at most ${slo.maxBacklog}`;
  return `${slo.objective}% ${percentile}${indicator}${bound}${backlog} over ${slo.window}`;
}

/**
 * What changes between two lists of SLOs, in words, one line per SLO added, removed or changed
 * (`invoices-succeed: objective 99.5% → 99%; window 28d → 30d`). Empty when nothing changes; the
 * order of the list does not count.
 */
export function describeSloChanges(before: readonly Slo[], after: readonly Slo[]): string[] {
  const previous = new Map(before.map((slo) => [slo.name, slo]));
  const next = new Map(after.map((slo) => [slo.name, slo]));
  const lines: string[] = [];
  for (const slo of before) {
    if (!next.has(slo.name)) {
      lines.push(`${slo.name}: removed (was ${describeSlo(slo)})`);
    }
  }
  for (const slo of after) {
    const old = previous.get(slo.name);
    if (old === undefined) {
      lines.push(`${slo.name}: new, ${describeSlo(slo)}`);
      continue;
    }
    const changes = FIELDS.filter((field) => old[field] !== slo[field]).map((field) => `${field} ${shown(field, old[field])} → ${shown(field, slo[field])}`);
    if (changes.length > 0) {
      lines.push(`${slo.name}: ${changes.join('; ')}`);
    }
  }
  return lines;
}
