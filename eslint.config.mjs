import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Server modules with a public face (index.ts): other modules and app.ts import them only from there.
const modulesWithFaces = [
  'access', 'audit', 'cases', 'demo', 'export', 'formio', 'forms', 'health', 'meta', 'referrals', 'speech', 'submissions', 'tenants',
  'workflows',
];

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
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'Import the shared contract as @contracts/... instead.' }] }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
