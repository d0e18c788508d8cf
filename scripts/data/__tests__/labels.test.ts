import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSentence, loadLabels, sentence } from '../labels.ts';

test('placeholders are filled in one pass, like Apex Sentences.format', () => {
  assert.equal(formatSentence("{0} can't see {1}; {0} asked.", ['Dana', '{1}']), "Dana can't see {1}; Dana asked.");
  assert.equal(formatSentence('A {0} and {1}.', [null]), 'A  and {1}.');
  assert.equal(formatSentence('No values.', []), 'No values.');
});

test('labels are read from the Custom Labels that deploy', () => {
  const labels = loadLabels();
  assert.ok(labels.size > 0, 'the labels file has labels');
  for (const [name, text] of labels) {
    assert.match(name, /^RM_[A-Za-z0-9_]+$/, `${name}: our labels start with RM_`);
    assert.ok(text.trim().length > 0 && text.length <= 1000, `${name}: a label holds 1 to 1,000 characters`);
  }
  assert.equal(sentence('RM_Access_Hint'), 'Ask your Salesforce admin for the Relationship Maps User permission set.');
});

test('an unknown label is refused, not invented', () => {
  assert.throws(() => sentence('RM_No_Such_Label'), /Unknown Custom Label RM_No_Such_Label/);
});
