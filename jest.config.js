/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  // Two workers match the two cores CI has. The classifiers train once, before the workers start, and are read back
  // from .cache/models after.
  globalSetup: '<rootDir>/tests/helpers/train-models.ts',
  maxWorkers: 2,
  // A worker's first test reads the classifiers and builds the app; on a busy two-core machine that alone can pass 5 s.
  testTimeout: 30_000,
  // Every locale key must be reached by some test: workers note the keys they render, the reporter checks a full run.
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/key-reach.ts'],
  reporters: ['default', '<rootDir>/tests/keys/key-reach-reporter.js'],
};
