import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from '../../test/harness.js';
import { generateSchemaSdl } from './print-schema.js';

describe('schema.gql', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
  });

  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('is what the code serves: regenerate with `npx nx run @roundhouse/api:schema` when this fails', async () => {
    const committed = await readFile(path.join(api.config.repositoryRoot, 'apps/api/schema.gql'), 'utf8');
    const served = `${printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema))}\n`;
    expect(served).toBe(committed);
    expect(await generateSchemaSdl()).toBe(committed);
  });
});
