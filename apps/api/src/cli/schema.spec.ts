import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { generateSchemaSdl } from './print-schema.js';

describe('schema.gql', () => {
  const t = useTestApi();

  it('is what the code serves: regenerate with `npx nx run @roundhouse/api:schema` when this fails', async () => {
    const committed = await readFile(path.join(t.api.config.repositoryRoot, 'apps/api/schema.gql'), 'utf8');
    const served = `${printSchema(lexicographicSortSchema(t.api.app.get(GraphQLSchemaHost).schema))}\n`;
    expect(served).toBe(committed);
    expect(await generateSchemaSdl()).toBe(committed);
  });
});
