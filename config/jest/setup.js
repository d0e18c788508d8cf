// Jest setup shared by every component test: registers sa11y's `toBeAccessible()` matcher
// (axe-core rules as used by Salesforce) so each component test can assert accessibility.
const { setup } = require('@sa11y/jest');
/* global jest -- setup files run inside Jest, which provides it */
const { loadLabels } = require('../../scripts/shared/labels.cjs');

setup();

// `@salesforce/label/c.<Name>` is the label's value from the labels file, as the org resolves it.
for (const [name, value] of loadLabels()) {
  jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: value }), { virtual: true });
}
