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
