// Module boundaries are architecture, not taste: libs/rules stays pure (decimal.js + zod only, no Node built-ins,
// no clock, no randomness), the portal never sees NestJS/TypeORM/NATS, services never import Angular.
import nx from '@nx/eslint-plugin';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/*',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
  'node:*',
];
const NO_NODE_BUILTINS = {
  group: NODE_BUILTINS,
  message: 'Node built-ins are I/O: this library must run anywhere (browser included).',
};
// @jcm/testing boots services on throwaway databases: production code must never reach it.
const NO_TESTING = {
  group: ['@jcm/testing', '@jcm/testing/*'],
  message:
    '@jcm/testing is for tests only: *.spec.ts, *.int-spec.ts, *.e2e-spec.ts and testing/ helper folders.',
};
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/testing/**',
  'apps/portal-e2e/**',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', 'tools/lint-fixtures/**/*.violation.ts'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:rules',
              onlyDependOnLibsWithTags: ['type:rules'],
              allowedExternalImports: ['decimal.js', 'zod'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:rules'],
              allowedExternalImports: ['decimal.js', 'zod'],
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:rules'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:infra', 'type:contracts', 'type:rules'],
            },
            // Portal UI pieces (libs/portal-ui): Angular on top of contracts and rules, nothing else of ours.
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:contracts', 'type:rules'],
              allowedExternalImports: [
                '@angular/**',
                'rxjs',
                'rxjs/**',
                'zod',
                'tslib',
                'jest-preset-angular/**',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:rules',
                'type:infra',
                'type:testing',
                'type:ui',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:rules', 'type:infra'],
            },
            {
              sourceTag: 'platform:browser',
              notDependOnLibsWithTags: ['platform:node'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'nats',
                '@nats-io/*',
                'express',
                'jsonwebtoken',
              ],
            },
            {
              sourceTag: 'platform:node',
              notDependOnLibsWithTags: ['platform:browser'],
              bannedExternalImports: ['@angular/*'],
            },
            { sourceTag: 'platform:neutral', notDependOnLibsWithTags: ['platform:node', 'platform:browser'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The boundary rule lets apps depend on type:testing (their tests need it): keep it out of production files.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TESTING] }] },
  },
  {
    // Node built-ins are not in the Nx project graph, so the boundary rule cannot see them: ban them here.
    // (A later block replaces a rule's options, so each one repeats the @jcm/testing ban.)
    files: ['libs/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_NODE_BUILTINS, NO_TESTING] }] },
  },
  {
    files: ['libs/rules/**/*.ts', 'tools/lint-fixtures/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_NODE_BUILTINS, NO_TESTING] }],
      'no-restricted-globals': [
        'error',
        'fetch',
        'process',
        'require',
        'setTimeout',
        'setInterval',
        'window',
        'document',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Rules never read the clock: pass the date in.' },
        { object: 'Math', property: 'random', message: 'Rules are deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Rules never read the clock: pass the date in.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
