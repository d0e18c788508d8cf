// Jest for Lightning web components, via @salesforce/sfdx-lwc-jest. Components are written in
// TypeScript; the LWC Jest transformer strips types, so tsc type-checks the tests separately.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
  // The Node checkers have their own tests (node --test) and fixtures.
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/scripts/', '<rootDir>/.test-output/'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/.test-output/'],
  collectCoverageFrom: ['force-app/**/lwc/*/*.ts', '!**/__tests__/**'],
  coverageDirectory: '<rootDir>/.test-output/coverage',
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
};
