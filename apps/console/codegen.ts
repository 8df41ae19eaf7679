import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the console.
 *
 * Reads the generated SDL (apps/api/schema.gql) when the api has produced it, else the draft the
 * console was first written against. Paths are resolved from this file, so the command works from
 * the workspace root (`npx graphql-codegen --config apps/console/codegen.ts`) or from here.
 * `--check` fails when the committed src/gql/ drifts from what the operations generate.
 */
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const generatedSchema = fromHere('../api/schema.gql');
const draftSchema = fromHere('../api/schema.draft.graphql');

const config: CodegenConfig = {
  schema: existsSync(generatedSchema) ? generatedSchema : draftSchema,
  documents: [fromHere('./src/**/*.{ts,tsx}'), `!${fromHere('./src/gql/**')}`, `!${fromHere('./src/**/*.spec.{ts,tsx}')}`],
  ignoreNoDocuments: false,
  generates: {
    [fromHere('./src/gql/')]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string' },
        strictScalars: true,
        skipTypename: true,
        avoidOptionals: false,
      },
    },
  },
  hooks: {},
};

export default config;
