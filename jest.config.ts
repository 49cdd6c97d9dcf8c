import type { Config } from 'jest';

/**
 * Tests run against real PostgreSQL: TEST_DATABASE_URL when set, else one embedded PostgreSQL for the whole run
 * (test/globalSetup.ts). Each test file works in its own database cloned from a migrated template, so files run in
 * parallel without seeing each other's data.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  setupFiles: ['reflect-metadata'],
  // The SDK's sources import siblings as `./client.js` (what its native ES module build needs); here they are .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
