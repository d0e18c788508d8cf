/**
 * Text limits are shown, not silently enforced, and the preview refuses exactly what the org
 * refuses (issue 15), in the person panel at 1280×720 on the sample data's enterprise account:
 * - Edit: Title (128 characters, Map_Contact__c.Title__c) counts as the rep types; at 128 it says
 *   it is full, one more is not cut off but counted over with a sentence, Save refuses it and
 *   saves nothing; back at 128 it saves all 128.
 * - Log call: Subject (255) and Comments (32,000, Task.Description) count the same way; a call
 *   over either is refused and logs nothing; at exactly the limits it is logged whole. The preview's
 *   controller refuses the same texts with Apex's sentence (the contract's `@text.<n>` scenario).
 * axe runs in each state. Screenshots: .test-output/screenshots/text-limits-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapGraph, MapPerson } from '../../shared/controllerTypes.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import * as harness from './harness.ts';

const { axeScan, eventually, LAPTOP, nodeSelector, sampleSession } = harness;

const PANEL = 'c-relationship-map-person-panel';
const EDIT = `${PANEL} c-relationship-map-person-edit-form`;
const CALL = `${PANEL} c-relationship-map-person-call-form`;
const TOASTS = '[data-id="toasts"] [data-variant]';

/** The org's limits (Title__c 128, Task Subject 255, Task Description 32,000). */
const TITLE_MAX = 128;
const SUBJECT_MAX = 255;
const COMMENTS_MAX = 32_000;

const sample = sampleSession({ name: 'text-limits' });

const customers = (): MapPerson[] => sample.people.filter((p) => p.side === 'Customer' && !p.isVacant);

async function select(page: Page, person: MapPerson): Promise<void> {
  await page.locator(nodeSelector(person.id)).click();
  await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
}

/** The counter paragraph under a field: "n / max characters" and its sentence. */
async function counterOf(page: Page, scope: string, key: string): Promise<string> {
  const text = (await page.locator(`${scope} [data-limit="${key}"]`).innerText()).replace(/\s+/g, ' ');
  return text.trim();
}

async function person(id: string): Promise<MapPerson> {
  const graph = (await sample.preview.backend.invoke('loadMapGraph', { mapId: sample.map.id })) as MapGraph;
  const found = graph.people.find((p) => p.id === id);
  assert.ok(found, `${id} is on the map`);
  return found;
}

const taskCount = (): number => sample.preview.backend.snapshot().store.tasks.length;

describe('text limits in the person panel (1280×720)', () => {
  sample.testOnTab(
    'a title at its limit says it is full; one more is counted over and refused, not cut',
    LAPTOP,
    async (page, preview) => {
      const rep = customers()[0];
      const before = rep.title ?? '';
      await select(page, rep);
      await page.locator(`${PANEL} lightning-button[data-id="edit"] button`).click();
      const title = page.locator(`${EDIT} lightning-input[data-field="title"] input`);
      await title.waitFor();
      assert.match(await counterOf(page, EDIT, 'title'), new RegExp(`^${before.length} / ${TITLE_MAX} characters`));

      // The rep types up to the limit: the counter says it is full.
      const full = `Head of ${'Global Procurement '.repeat(10)}`.slice(0, TITLE_MAX - 1);
      await title.fill(full);
      await title.press('End');
      await title.pressSequentially('s');
      assert.equal(await title.inputValue(), `${full}s`);
      assert.equal(
        await counterOf(page, EDIT, 'title'),
        `${TITLE_MAX} / ${TITLE_MAX} characters Title is full: ${TITLE_MAX} characters is the most it can hold.`
      );
      await page.locator(`${EDIT} [data-limit="title"]`).scrollIntoViewIfNeeded();
      await preview.screenshot(page, 'title-full', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'title at its limit'), []);

      // One more character is kept, counted over, and Save refuses it.
      await title.pressSequentially('!');
      assert.equal((await title.inputValue()).length, TITLE_MAX + 1, 'the field did not silently stop');
      const over = await counterOf(page, EDIT, 'title');
      assert.equal(
        over,
        `${TITLE_MAX + 1} / ${TITLE_MAX} characters Title is 1 character over its limit of ${TITLE_MAX}: shorten it to save.`
      );
      assert.match(
        (await page.locator(`${EDIT} [data-limit="title"]`).getAttribute('class')) ?? '',
        /slds-text-color_error/,
        'the counter turns red past the limit'
      );
      await page.locator(`${EDIT} lightning-button[data-id="edit-save"] button`).click();
      const errors = page.locator(`${EDIT} [data-id="edit-errors"]`);
      await errors.waitFor();
      assert.match(await errors.innerText(), new RegExp(`Title.*${TITLE_MAX}`));
      assert.equal((await person(rep.id)).title ?? '', before, 'nothing was saved');
      await preview.screenshot(page, 'title-over', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'title over its limit'), []);

      // Back at the limit, all 128 characters are saved.
      await title.fill(`${full}s`);
      assert.match(
        await counterOf(page, EDIT, 'title'),
        new RegExp(`^${TITLE_MAX} / ${TITLE_MAX} characters Title is full`)
      );
      await page.locator(`${EDIT} lightning-button[data-id="edit-save"] button`).click();
      await page.locator(TOASTS).filter({ hasText: 'Saved' }).first().waitFor();
      const saved = await eventually('the title to be saved', async () => {
        const now = (await person(rep.id)).title;
        return now === `${full}s` ? now : undefined;
      });
      assert.equal(saved.length, TITLE_MAX);
    }
  );

  sample.testOnTab(
    'a call over the Task limits is refused and logs nothing; at the limits it is logged whole',
    LAPTOP,
    async (page, preview) => {
      const rep = customers()[1];
      await select(page, rep);
      await page.locator(`${PANEL} lightning-button[data-id="log-call"] button`).click();
      const subject = page.locator(`${CALL} lightning-input[data-field="subject"] input`);
      const comments = page.locator(`${CALL} lightning-textarea[data-field="comments"] textarea`);
      await subject.waitFor();
      assert.match(await counterOf(page, CALL, 'comments'), /^0 \/ 32,000 characters$/);
      const tasks = taskCount();

      // Subject one over.
      await subject.fill('S'.repeat(SUBJECT_MAX + 1));
      assert.equal(
        await counterOf(page, CALL, 'subject'),
        `256 / 255 characters Subject is 1 character over its limit of 255: shorten it to save.`
      );
      await page.locator(`${CALL} lightning-button[data-id="call-submit"] button`).click();
      const error = page.locator(`${CALL} [data-id="call-error"]`);
      await error.waitFor();
      assert.match(await error.innerText(), /Subject.*255/);
      const subjectRefused = (await error.innerText()).trim();
      assert.equal(taskCount(), tasks, 'no call logged');

      // Comments one over (a long paste): counted, refused, nothing logged.
      await subject.fill('S'.repeat(SUBJECT_MAX));
      await comments.fill('c'.repeat(COMMENTS_MAX + 1));
      assert.equal(
        await counterOf(page, CALL, 'comments'),
        '32,001 / 32,000 characters Comments is 1 character over its limit of 32,000: shorten it to save.'
      );
      await page.locator(`${CALL} lightning-button[data-id="call-submit"] button`).click();
      await eventually('the refusal to name Comments', async () =>
        /Comments.*32,?000/.test(await error.innerText()) ? true : undefined
      );
      assert.equal(taskCount(), tasks, 'no call logged');
      await page.locator(`${CALL} [data-limit="comments"]`).scrollIntoViewIfNeeded();
      await preview.screenshot(page, 'comments-over', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'call comments over the limit'), []);

      // The org refuses the same call: the preview's controller answers with Apex's sentence.
      const contract = JSON.parse(
        readFileSync(
          path.join(REPO_ROOT, 'force-app/main/default/staticresources/RelationshipMapContract.json'),
          'utf8'
        )
      ) as { scenarios: { name: string; then: { error?: string } }[] };
      const scenario = contract.scenarios.find((s) => /comments longer than a Task holds/.test(s.name));
      assert.ok(scenario?.then.error, 'the contract has the over-long comments scenario');
      await assert.rejects(
        preview.backend.invoke('logCall', {
          personId: rep.id,
          subject: 'Check-in',
          comments: 'c'.repeat(COMMENTS_MAX + 1),
          stance: 'Skeptic',
        }),
        (e: Error) => e.message.includes(scenario.then.error!)
      );
      await assert.rejects(
        preview.backend.invoke('logCall', { personId: rep.id, subject: 'S'.repeat(SUBJECT_MAX + 1) }),
        /Subject: keep it to 255 characters \(it has 256\)\./
      );
      // The form refused both in the controller's own words (Custom Label RM_Too_Long).
      assert.equal((await error.innerText()).trim(), scenario.then.error, 'the form says what the controller says');
      assert.equal(subjectRefused, 'Subject: keep it to 255 characters (it has 256).');
      assert.equal(taskCount(), tasks, 'the controller logged nothing either');

      // Exactly at both limits: logged, whole.
      await comments.fill('c'.repeat(COMMENTS_MAX));
      assert.match(await counterOf(page, CALL, 'comments'), /^32,000 \/ 32,000 characters Comments is full/);
      await page.locator(`${CALL} lightning-button[data-id="call-submit"] button`).click();
      await page.locator(TOASTS).filter({ hasText: 'Call logged' }).first().waitFor();
      await eventually('the call to be logged', () => Promise.resolve(taskCount() === tasks + 1 ? true : undefined));
      const task = preview.backend.snapshot().store.tasks.at(-1) as { subject: string; description: string | null };
      assert.equal(task.subject.length, SUBJECT_MAX, 'the whole subject');
      assert.equal(task.description?.length, COMMENTS_MAX, 'the whole comments');
    }
  );
});
