import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, unstorableStrings, unstorableText } from './catalog-text.js';
import { formatProblem, parseCatalogFile } from './catalog-file.js';

describe('catalog text a person can fix', () => {
  it('reports two tabs as two problems, each on its own line, and nothing that follows from them', () => {
    const text = 'apiVersion: roundhouse.dev/v1\nkind: Team\nmetadata:\n\tname: finance-ops\nspec:\n\temail: finance@northwind.example\n';
    expect(parseCatalogFile(text, 'teams/finance.yaml').problems.map(formatProblem)).toEqual([
      'teams/finance.yaml:4:1: (file): found a tab used to indent; allowed: spaces to indent (YAML does not allow tabs there)',
      'teams/finance.yaml:6:1: (file): found a tab used to indent; allowed: spaces to indent (YAML does not allow tabs there)',
    ]);
  });

  it('points an unclosed list or mapping at the line where it opens, not at the next line', () => {
    const group = (children: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-x\nspec:\n  type: team\n  children: ${children}\n  members: [jane]\n`;
    expect(parseCatalogFile(group('[team-a, team-b'), 'org/groups.yaml').problems.map(formatProblem)).toEqual([
      'org/groups.yaml:7:13: (file): found a list that opens here with "[" and is never closed; allowed: valid YAML: close it with "]" on the same value',
    ]);
    expect(parseCatalogFile(group('[{ name: a }, { name: b ]'), 'org/groups.yaml').problems.map(formatProblem)).toEqual([
      'org/groups.yaml:7:27: (file): found a mapping that opens here with "{" and is never closed; allowed: valid YAML: close it with "}" on the same value',
    ]);
    expect(parseCatalogFile(group('[team-a, team-b]'), 'org/groups.yaml').problems).toEqual([]);
  });

  it('finds NUL and lone surrogates in keys and values, and leaves well-formed text alone', () => {
    expect(unstorableText('Remboursés 💶')).toBeUndefined();
    expect(unstorableText('a\u0000b')).toBe('a NUL character (\\u0000)');
    expect(unstorableText('x\udc00')).toBe('broken Unicode: a lone surrogate \\udc00');
    expect(unstorableStrings({ metadata: { labels: { 'tier\u0000': 'gold' }, tags: ['ok', 'bad\ud800'] } }).map((p) => `${p.field}: ${p.found}`)).toEqual([
      'metadata.labels.tier\u0000: a NUL character (\\u0000) in the key',
      'metadata.tags[1]: broken Unicode: a lone surrogate \\ud800',
    ]);
  });

  it('points at the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('a: 1\nb: é\n', 'utf8'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from('a: 1\nb: é\n', 'latin1'))).toEqual({ line: 2, column: 4 });
  });
});
