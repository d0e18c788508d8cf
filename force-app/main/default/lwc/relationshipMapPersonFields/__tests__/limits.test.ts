/**
 * The limits the forms count against are the org's: every text field of the panel against its
 * field metadata (objects/Map_Contact__c/fields), the call's against the Task limits Apex
 * CallLogService and the preview enforce; how a count reads at, below and past a limit; and the
 * save check refusing in the org's own sentence (RM_Too_Long), as the controller answers.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  ALL_FIELDS,
  CALL_LIMITS,
  LONG_TEXT_LENGTH,
  fieldInfo,
  lengthNote,
  tooLong,
  validationError,
} from 'c/relationshipMapPersonFields';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');
const FIELDS = join(ROOT, 'force-app', 'main', 'default', 'objects', 'Map_Contact__c', 'fields');
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');

/** personalGoals → Personal_Goals__c, as the data model names its fields. */
const apiName = (key: string) => `${key.replace(/([A-Z])/g, '_$1').replace(/^./, (c) => c.toUpperCase())}__c`;
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;
const constant = (source: string, name: string) => Number(new RegExp(`${name}\\s*=\\s*([0-9_]+)`).exec(source)?.[1]);

describe('text limits', () => {
  it("are the field metadata's lengths, for every text field the panel edits", () => {
    const limited = ALL_FIELDS.filter((f) => f.editable && (f.kind === 'text' || f.kind === 'longtext'));
    expect(limited.length).toBeGreaterThanOrEqual(9);
    // The object's Name field: a Text name field always holds 80 characters.
    const objectXml = read('force-app/main/default/objects/Map_Contact__c/Map_Contact__c.object-meta.xml');
    expect(tag(objectXml, 'type')).toBe('Text');
    expect(fieldInfo('name').maxLength).toBe(80);
    const custom = limited.filter((f) => f.key !== 'name');
    const metadata = custom.map((f) => {
      const xml = readFileSync(join(FIELDS, `${apiName(f.key)}.field-meta.xml`), 'utf8');
      return { key: f.key, type: tag(xml, 'type'), length: Number(tag(xml, 'length')) };
    });
    expect(metadata).toEqual(
      custom.map((f) => ({ key: f.key, type: f.kind === 'longtext' ? 'LongTextArea' : 'Text', length: f.maxLength }))
    );
    expect(LONG_TEXT_LENGTH).toBe(32768);
  });

  it('are the Task limits Apex CallLogService and the preview refuse past', () => {
    const apex = read('force-app/main/default/classes/services/CallLogService.cls');
    const preview = read('scripts/preview/backend/controller.ts');
    expect([constant(apex, 'SUBJECT_LENGTH'), constant(apex, 'COMMENTS_LENGTH')]).toEqual([255, 32000]);
    expect([constant(preview, 'SUBJECT_LENGTH'), constant(preview, 'COMMENTS_LENGTH')]).toEqual([255, 32000]);
    expect(CALL_LIMITS).toEqual({ subject: 255, comments: 32000 });
  });
});

describe('lengthNote', () => {
  it('counts below the limit and says nothing else', () => {
    expect(lengthNote('Title', 'CFO', 128)).toEqual({ counter: '3 / 128 characters', message: '', over: false });
    expect(lengthNote('Title', null, 128)).toEqual({ counter: '0 / 128 characters', message: '', over: false });
  });

  it('says when a field is full, and by how much it is over', () => {
    expect(lengthNote('Title', 'x'.repeat(128), 128)).toEqual({
      counter: '128 / 128 characters',
      message: 'Title is full: 128 characters is the most it can hold.',
      over: false,
    });
    expect(lengthNote('Personal Goals', 'x'.repeat(32770), LONG_TEXT_LENGTH)).toEqual({
      counter: '32,770 / 32,768 characters',
      message: 'Personal Goals is 2 characters over its limit of 32,768: shorten it to save.',
      over: true,
    });
  });

  it("refuses past the limit in the save check, in the org's words (Custom Label RM_Too_Long)", () => {
    expect(tooLong('Comments', 'x'.repeat(32000), 32000)).toBeNull();
    expect(tooLong('Comments', 'x'.repeat(32001), 32000)).toBe('Comments: keep it to 32000 characters (it has 32001).');
    expect(validationError(fieldInfo('contingencyPlan'), 'x'.repeat(32769))).toBe(
      'Contingency Plan: keep it to 32768 characters (it has 32769).'
    );
    expect(validationError(fieldInfo('contingencyPlan'), 'x'.repeat(32768))).toBeNull();
    expect(validationError(fieldInfo('title'), 'x'.repeat(129))).toBe('Title: keep it to 128 characters (it has 129).');
  });
});

describe('the save check says what the org says', () => {
  it("is the label's own value from the labels file, filled as Sentences.format fills it", () => {
    const labels = read('force-app/main/default/labels/CustomLabels.labels-meta.xml');
    const template = /<fullName>RM_Too_Long<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/.exec(labels)?.[1];
    expect(template).toContain('{0}');
    expect(tooLong('Subject', 'S'.repeat(256), 255)).toBe(
      template!.replace('{0}', 'Subject').replace('{1}', '255').replace('{2}', '256')
    );
  });

  it('is the sentence the controller answers for the same call (the contract the preview and Apex run)', () => {
    const contract = JSON.parse(read('force-app/main/default/staticresources/RelationshipMapContract.json')) as {
      scenarios: { name: string; when: { params: Record<string, unknown> }; then: { error?: string } }[];
    };
    const scenario = contract.scenarios.find((s) => /comments longer than a Task holds/.test(s.name));
    expect(scenario?.when.params.comments).toBe('@text.32001');
    expect(scenario?.then.error).toBeTruthy();
    expect(tooLong('Comments', 'c'.repeat(32001), CALL_LIMITS.comments)).toBe(scenario!.then.error);
  });
});
