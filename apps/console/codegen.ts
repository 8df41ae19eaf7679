import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations for the console.
 *
 * Reads the api's committed SDL (apps/api/schema.gql). Paths are resolved from this file, so the command works from
 * the workspace root (`npx graphql-codegen --config apps/console/codegen.ts`) or from here.
 * `--check` fails when the committed src/gql/ drifts from what the operations generate.
 */
const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: fromHere('../api/schema.gql'),
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
