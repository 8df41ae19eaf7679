import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isReplicaQuery, mayReadReplica, withReplicaReads } from './replica-reads.js';

const operation = (document: string) => parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe(isReplicaQuery.name, () => {
  it('sends a query of listed heavy reads to the replica', () => {
    expect(isReplicaQuery(operation('query Dashboard { dashboard(name: "finance") { title } }'))).toBe(true);
    expect(isReplicaQuery(operation('{ automationHealth(slug: "a") { throughput } automationSlos(slug: "a") { state } __typename }'))).toBe(true);
  });

  it('keeps on the primary a query that also reads anything else, every mutation, and top-level fragments', () => {
    expect(isReplicaQuery(operation('{ dashboard(name: "finance") { title } deadLetters { totalCount } }'))).toBe(false);
    expect(isReplicaQuery(operation('mutation { acknowledgeAlert(id: "1") { id } }'))).toBe(false);
    expect(isReplicaQuery(operation('{ ...Everything } fragment Everything on Query { dashboard(name: "x") { title } }'))).toBe(false);
    expect(isReplicaQuery(operation('{ __typename }'))).toBe(false);
    expect(isReplicaQuery(undefined)).toBe(false);
  });
});

describe(mayReadReplica.name, () => {
  it('holds only inside a listed read', () => {
    expect(mayReadReplica()).toBe(false);
    expect(withReplicaReads(mayReadReplica)).toBe(true);
  });
});
