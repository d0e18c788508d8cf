/**
 * The "New relationship map" dialog: what the rep types goes up as one `create` event, once it
 * passes the dialog's own checks; Cancel and Escape send `cancel`; a refusal from Salesforce comes
 * down as `error` and what was typed stays. Inputs are sfdx-lwc-jest stubs driven by `change`.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import RelationshipMapNewMap, { GOAL_MAX, draftProblem } from 'c/relationshipMapNewMap';
import type { NewMapDetail } from 'c/relationshipMapNewMap';
import { clearBody, listen, mount as mountElement } from '../../relationshipMapToolbar/__tests__/data/support';
import { inForm } from '../../relationshipMapField/__tests__/data/formParts';

type Stub = HTMLElement & { value: string; disabled: boolean; label: string; fieldLevelHelp: string };
type Draft = Parameters<typeof draftProblem>[0];
const drafts = () =>
  JSON.parse(readFileSync(join(__dirname, 'data', 'drafts.json'), 'utf8')) as {
    complete: Record<string, string>;
    /** What `complete` with "Include everyone" checked goes up as. */
    sent: NewMapDetail;
    blank: Draft;
  };

const mount = () => mountElement('c-relationship-map-new-map', RelationshipMapNewMap);

const flush = () => Promise.resolve().then(() => Promise.resolve());
const byId = (el: HTMLElement, id: string): Stub => inForm(el, `[data-id="${id}"]`) as Stub;
const set = (el: HTMLElement, field: string, detail: Record<string, unknown>) =>
  inForm(el, `[data-field="${field}"]`)!.dispatchEvent(new CustomEvent('change', { detail }));

afterEach(clearBody);

describe('c-relationship-map-new-map', () => {
  it('is a modal dialog named by its heading, with help on "Include everyone"', async () => {
    const element = mount();
    await flush();
    const dialog = byId(element, 'new-map-modal');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector('h2')!.textContent).toBe('New relationship map');
    expect(byId(element, 'new-include-everyone').fieldLevelHelp).toContain('Places every contact of this account');
    await expect(element).toBeAccessible();
  });

  it('sends the draft trimmed, blanks as null', async () => {
    const element = mount();
    const creates = listen(element, 'create');
    await flush();
    for (const [field, value] of Object.entries(drafts().complete)) set(element, field, { value });
    set(element, 'includeEveryone', { checked: true });
    byId(element, 'new-create').click();
    expect(creates).toEqual([drafts().sent]);

    set(element, 'name', { value: '  ' });
    set(element, 'accountGoal', { value: '' });
    set(element, 'targetDate', { value: '' });
    set(element, 'status', { value: 'Unknown' });
    byId(element, 'new-create').click();
    expect(creates[1]).toEqual(
      expect.objectContaining({ name: null, accountGoal: null, targetDate: null, status: 'Draft' })
    );
  });

  it('requires our goal and sends nothing until it is there', async () => {
    const element = mount();
    const creates = listen(element, 'create');
    await flush();
    byId(element, 'new-create').click();
    await flush();
    expect(creates).toHaveLength(0);
    expect(byId(element, 'modal-error').textContent).toContain('Our goal is required');
    expect(byId(element, 'modal-error').getAttribute('role')).toBe('alert');
  });

  it('checks lengths and the date', () => {
    const blank = drafts().blank;
    expect(draftProblem({ ...blank, goal: 'x'.repeat(GOAL_MAX + 1) })).toContain(`at most ${GOAL_MAX}`);
    expect(draftProblem({ ...blank, goal: 'Win', name: 'x'.repeat(81) })).toContain('map name');
    expect(draftProblem({ ...blank, goal: 'Win', targetDate: '31/12/2025' })).toBe('Enter the target date as a date.');
    expect(draftProblem({ ...blank, goal: 'Win' })).toBeNull();
  });

  it('shows a refusal from Salesforce and keeps what was typed; disables its buttons while creating', async () => {
    const element = mount();
    await flush();
    set(element, 'goal', { value: 'Expand to Europe' });
    Object.assign(element, { creating: true });
    await flush();
    expect(byId(element, 'new-create').disabled).toBe(true);
    expect(byId(element, 'new-create').label).toBe('Creating…');
    expect(byId(element, 'new-cancel').disabled).toBe(true);

    Object.assign(element, { creating: false, error: 'Goal: the value is too long.' });
    await flush();
    expect(byId(element, 'modal-error').textContent).toContain('Goal: the value is too long.');
    expect(byId(element, 'new-goal').value).toBe('Expand to Europe');
  });

  it('Cancel and Escape send cancel', async () => {
    const element = mount();
    const cancels = listen(element, 'cancel');
    await flush();
    byId(element, 'new-cancel').click();
    byId(element, 'new-map-modal').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancels).toHaveLength(2);
  });
});
