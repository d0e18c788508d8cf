// Jest for Lightning web components, via @salesforce/sfdx-lwc-jest. Components are written in
// TypeScript; the LWC Jest transformer strips types, so tsc type-checks the tests separately.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleFileExtensions: ['ts', 'js', 'html'],
  setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/config/jest/setup.js'],
  testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
  // The Node checkers have their own tests (node --test) and fixtures.
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/scripts/', '<rootDir>/.test-output/'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/.test-output/'],
  collectCoverageFrom: ['force-app/**/lwc/*/*.ts', '!**/__tests__/**'],
  coverageDirectory: '<rootDir>/.test-output/coverage',
  // D3's packages ship .mjs (untransformed by Jest) plus UMD builds; tests load the UMD builds of
  // the same packages that scripts/build/bundle-d3.mjs bundles for the platform.
  moduleNameMapper: { '^(d3-[a-z]+)$': '<rootDir>/node_modules/$1/dist/$1.js' },
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
};
