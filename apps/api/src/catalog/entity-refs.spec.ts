import { KubernetesValidatorFunctions, parseEntityRef as backstageParse } from '@backstage/catalog-model';
import { isEntityName, isNamespace, parseEntityRef } from '@roundhouse/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Strings drawn from the characters refs are made of, so that the interesting cases come up often. */
const refish = fc.string({ unit: fc.constantFrom(...'aZ09-_.:/ éA'.split('')), maxLength: 70 });

describe('Backstage entity refs, as @backstage/catalog-model reads them', () => {
  it('accepts exactly the names and namespaces Backstage’s validators accept', () => {
    fc.assert(
      fc.property(refish, (value) => {
        expect(isEntityName(value)).toBe(KubernetesValidatorFunctions.isValidObjectName(value));
        expect(isNamespace(value)).toBe(KubernetesValidatorFunctions.isValidNamespace(value));
      }),
      { numRuns: 5000 },
    );
    expect(isEntityName('a'.repeat(63))).toBe(true);
    expect(isEntityName('a'.repeat(64))).toBe(false);
  });

  it('splits a ref into kind, namespace and name as Backstage’s parseEntityRef does, kinds without case', () => {
    fc.assert(
      fc.property(refish, (value) => {
        const ours = parseEntityRef(value, { kind: 'group', namespace: 'default' });
        let theirs: { kind: string; namespace: string; name: string } | undefined;
        try {
          theirs = backstageParse(value, { defaultKind: 'group', defaultNamespace: 'default' });
        } catch {
          theirs = undefined;
        }
        if (theirs === undefined) {
          expect(ours).toHaveProperty('problem');
        } else if (!('problem' in ours)) {
          expect(ours).toEqual({ ...theirs, kind: theirs.kind.toLowerCase() });
        } else {
          // Backstage splits any string; what it splits into must then fail Backstage's own rules for names, namespaces or kinds.
          const valid =
            KubernetesValidatorFunctions.isValidObjectName(theirs.name) &&
            KubernetesValidatorFunctions.isValidNamespace(theirs.namespace) &&
            KubernetesValidatorFunctions.isValidKind(theirs.kind);
          expect(valid).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
    for (const ref of ['team-a', 'default/team-a', 'Group:default/team-a', 'group:other/team-a', 'a.b_c']) {
      expect(parseEntityRef(ref, { kind: 'group', namespace: 'default' })).not.toHaveProperty('problem');
    }
  });
});
