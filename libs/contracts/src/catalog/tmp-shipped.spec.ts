import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseCatalogFile } from '../index.js';

const root = join(import.meta.dirname, '../../../../catalog');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('shipped catalog', () => {
  it('validates', () => {
    const files = walk(root).filter((f) => f.endsWith('.yaml'));
    const errors: string[] = [];
    const automations = [];
    const teams = new Set<string>();
    for (const file of files) {
      const rel = relative(root, file);
      const parsed = parseCatalogFile(readFileSync(file, 'utf8'), rel);
      errors.push(...parsed.problems.map(formatProblem));
      automations.push(...parsed.automations);
      parsed.teams.forEach((t) => teams.add(t.value.name));
      if (parsed.automations.length + parsed.teams.length === 0 && parsed.problems.length === 0) errors.push(`${rel}: no entity`);
    }
    const referenced = new Set<string>();
    for (const a of automations) {
      const s = a.value.spec;
      if (!teams.has(s.owner)) errors.push(`${a.file}: owner ${s.owner} is not a team`);
      for (const r of s.runbooks) {
        if (r.path) {
          referenced.add(r.path);
          if (!existsSync(join(root, r.path))) errors.push(`${a.file}: runbook ${r.path} missing`);
        }
      }
      if (!s.runbooks.some((r) => r.path === `runbooks/${a.value.metadata.name}.md`)) errors.push(`${a.file}: no own runbook`);
      for (const k of s.kpis) {
        if (!k.baseline.note) errors.push(`${a.file}: kpi ${k.name} no note`);
      }
      for (const slo of s.slos) if (!slo.runbook) errors.push(`${a.file}: slo ${slo.name} no runbook`);
      console.log(`${a.value.metadata.name}\t${s.owner}\t${s.type}\t${s.lifecycle}\t${s.runtime?.kind}\tslos=${s.slos.length} kpis=${s.kpis.length} rel=${s.releases.length}`);
    }
    for (const md of walk(join(root, 'runbooks'))) {
      const rel = relative(root, md);
      if (!referenced.has(rel)) errors.push(`${rel}: not referenced by any automation`);
    }
    console.log(`teams: ${[...teams].join(', ')}`);
    for (const e of errors) console.log(e);
    expect(errors).toEqual([]);
  });
});
