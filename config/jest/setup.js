// Jest setup shared by every component test: registers sa11y's `toBeAccessible()` matcher
// (axe-core rules as used by Salesforce) so each component test can assert accessibility.
const { setup } = require('@sa11y/jest');

setup();
