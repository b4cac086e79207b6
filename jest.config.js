// Three projects, run in this order by `npm test`: unit (pure logic), integration (real HTTP + real FerretDB),
// e2e (Debian's Chromium driven by playwright-core against a real server). Type checking is `npm run typecheck`;
// ts-jest only transpiles (isolatedModules) so that tests start fast.
const transform = {
  '^.+\\.(t|j|mj)sx?$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
};
// ESM-only dependencies that Jest's CommonJS runtime must transpile.
const esmOnly = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];

// The client imports the shared contract (server/src/contracts) as `@contracts/...`, as vite.config.ts resolves it.
const moduleNameMapper = { '^@contracts/(.*)$': '<rootDir>/server/src/contracts/$1' };

const shared = { rootDir: __dirname, transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // Per-project testTimeout is ignored by Jest; integration and browser tests need more than the 5 s default.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // Client component tests (test/unit/client/*.test.tsx) ask for jsdom in their docblock.
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/test/unit/**/*.test.{ts,tsx}'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    },
  ],
};
