import { describe, expect, it } from 'vitest';
import { deepestNesting, isStorable, storable } from './storable-json.js';

describe('storable JSON', () => {
  it('measures nesting without parsing, skipping strings, line by line for NDJSON', () => {
    expect(deepestNesting('[{"a":[1,{"b":"[[[{{{"}]}]', false)).toBe(4);
    expect(deepestNesting('"\\"[[["', false)).toBe(0);
    expect(deepestNesting('[[[\n[[', false)).toBe(5);
    expect(deepestNesting('[[[\n[[', true)).toBe(3);
    expect(deepestNesting('['.repeat(1_000_000), false)).toBe(1_000_000);
    // An even run of backslashes escapes itself, not the quote; an odd run escapes the quote.
    expect(deepestNesting('["a\\\\", [[1]]]', false)).toBe(3);
    expect(deepestNesting('["a\\", [[1]]]', false)).toBe(1);
    // NDJSON: a string left open ends with its line, the next line is read afresh.
    expect(deepestNesting('{"a": "open\n[[{"b": 1}]]', true)).toBe(3);
    expect(deepestNesting('{"a": "open\n[[{"b": 1}]]', false)).toBe(1);
  });

  it('finds and replaces what PostgreSQL cannot store: NUL and half a surrogate pair, in keys and values', () => {
    expect(isStorable({ a: ['fine 😀', 1, null, { b: 'ok' }] })).toBe(true);
    expect(isStorable({ a: ['x\u0000'] })).toBe(false);
    expect(isStorable({ a: '😀'.slice(0, 1) })).toBe(false);
    expect(isStorable({ ['k\udc00']: 1 })).toBe(false);
    expect(storable({ a: ['x\u0000y', '\ud800😀'], ['k\u0000']: 2 })).toEqual({ a: ['x\ufffdy', '\ufffd😀'], ['k\ufffd']: 2 });
  });
});
