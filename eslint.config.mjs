import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Server modules with a public face (index.ts): other modules and app.ts import them only from there.
const modulesWithFaces = [
  'access', 'audit', 'cases', 'demo', 'export', 'formio', 'forms', 'health', 'meta', 'referrals', 'speech', 'submissions', 'tenants',
  'workflows',
];

// Client features (client/src/features/<feature>/) with their faces likewise: each folder, read from disk so a new
// feature is covered the day it is created.
const clientFeatures = fs
  .readdirSync(new URL('./client/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const clientReachesServerByContract = { group: ['**/server/**'], message: 'Import the shared contract as @contracts/... instead.' };

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.cache/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Modules raise errors through named factories (core/errors/app-error.ts and each module's *.errors.ts), so that
    // every code is spelled once, with its status and its members.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // A factory is a named arrow function (`const taskAlreadyDone = () => conflict('task-already-done')`).
        {
          selector: ":not(VariableDeclarator > ArrowFunctionExpression) > NewExpression[callee.name='AppError']",
          message: "Throw a named error factory (core/errors/app-error.ts or the module's *.errors.ts).",
        },
        {
          selector: ":not(VariableDeclarator > ArrowFunctionExpression) > CallExpression[callee.name=/^(badRequest|conflict)$/]",
          message: "Give the error a named factory (the module's *.errors.ts).",
        },
      ],
    },
  },
  {
    // Modules meet through their faces: another module is imported from its index.ts (`../forms`), never from a
    // file inside it (`../forms/service/form.service`). Modules join modulesWithFaces as their index.ts is written.
    // index.ts is what other modules' code uses. What only tests need (storage models for database-level assertions,
    // timing constants, a read model's storage) is on the module's testing.ts, which says in its comment why; code
    // outside tests never imports it.
    files: ['server/src/modules/**/*.ts', 'server/src/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\./|(\\.\\./)+)(modules/)?(${modulesWithFaces.join('|')})/.+`,
              message: "Import another module from its index.ts (e.g. '../forms'), and export what you need there: its files are its own.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests meet modules through the same faces, with one rule for where a test may reach inside: a module's own
    // tests live beside its files (server/src/modules/<module>/**/*.test.ts) and import those files directly; any
    // other module they use, they import from its index.ts or its testing.ts. Everything under test/ (unit,
    // integration, e2e, helpers) imports a module only from its index.ts or its testing.ts: a unit test of one
    // module's internal file belongs beside that file.
    files: ['server/src/modules/**/*.test.ts', 'server/src/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\./|(\\.\\./)+)(modules/)?(${modulesWithFaces.join('|')})/(?!testing$).+`,
              message: "A test imports another module from its index.ts or its testing.ts; a test of that module's own files lives beside them.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)server/src/modules/(${modulesWithFaces.join('|')})/(?!testing$).+`,
              message: "Tests under test/ import a module from its index.ts or its testing.ts; a test of the module's own files lives beside them in server/src/modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The contract is bundled for the browser too: nothing from the server's runtime, nothing outside the folder.
    files: ['server/src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'The contract imports nothing outside server/src/contracts.' },
            { group: ['node:*', 'mongoose', 'mongodb', 'express', 'express/*', 'pino', 'pino-*', 'luxon', 'xstate'], message: 'The contract is bundled for the browser: no server-only packages.' },
          ],
        },
      ],
    },
  },
  {
    // The client reaches the server's code only through the contract (`@contracts/...`).
    files: ['client/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [clientReachesServerByContract] }] },
  },
  // Client features meet through their faces, as server modules do. The rule:
  // - A file of a feature imports another feature only from its index.ts (`../session`), never a file inside it
  //   (`../session/session-context`). Files inside one feature import each other relatively (`./CaseTasks`) and never
  //   through their own index.ts, so that a face is never part of an import cycle.
  // - Files at client/src's root (App.tsx, main.tsx, components/, pages/, api/) import features from their faces only.
  // - A face exports exactly what other features use. It never statically exports a module that is meant to arrive
  //   in a chunk of its own: what brings @formio/js or @xyflow/react is exported as its lazy wrapper
  //   (LazyFormRenderer, LazyStageGraph), because a face's modules are loaded together with whatever imports the face.
  // - A dynamic import() (App's route pages, RevisionDiff's component defaults) is a split point, not a dependency on
  //   a face: it names the module it loads, and no-restricted-imports does not look at it.
  // These blocks come after the one above and so replace its option list; each repeats the contract pattern.
  ...clientFeatures.map((feature) => ({
    files: [`client/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            clientReachesServerByContract,
            {
              regex: `^(\\.\\./)+(${clientFeatures.join('|')})/.+`,
              message: "Import another feature from its index.ts (e.g. '../common'), and export what you need there: its files are its own.",
            },
            {
              regex: `^(\\.|\\./|\\./index|\\.\\.|\\.\\./index|(\\.\\./)+${feature}(/index)?)$`,
              message: "A feature's files import each other relatively (e.g. './use-api'), never through their own index.ts.",
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['client/src/*.{ts,tsx}', 'client/src/{api,components,pages}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            clientReachesServerByContract,
            {
              regex: '^(\\./|(\\.\\./)+)features/[^/]+/.+',
              message: "Import a feature from its index.ts (e.g. './features/session'), and export what you need there.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
