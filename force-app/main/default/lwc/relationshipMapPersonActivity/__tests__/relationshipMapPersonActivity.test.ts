/**
 * The person panel's Activity section on its own: the ties with their summaries, the help text
 * and the lower-bounds note, the last activity, loading and failure, and the link suggestion with
 * Add link and Dismiss (bubbling and composed, so the container hears them through the panel) or,
 * read-only, the sentence alone.
 */
import RelationshipMapPersonActivity, { dayText } from 'c/relationshipMapPersonActivity';
import type { PersonActivity } from 'c/relationshipMapPersonActivity';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';

const flush = () => Promise.resolve().then(() => Promise.resolve());
const q = (el: HTMLElement, id: string) =>
  (el.shadowRoot as ShadowRoot).querySelector<HTMLElement>(`[data-id="${id}"]`);
const texts = (el: HTMLElement, selector: string) =>
  Array.from((el.shadowRoot as ShadowRoot).querySelectorAll(selector)).map((n) => n.textContent?.trim());

const KEY = 'link:005000000000001AAA:003000000000001AAA';
function activity(patch: Partial<PersonActivity> = {}): PersonActivity {
  return {
    status: '',
    error: '',
    rows: [
      {
        key: 'a',
        name: 'Dana Reyes',
        summary: '12 meetings, 30 emails, last 3 days ago',
        strength: 'Strong',
        onMap: true,
      },
      { key: 'b', name: 'Priya Shah', summary: '2 emails, last 40 days ago', strength: '', onMap: false },
    ],
    help: 'From the last 12 months of calls, meetings and emails you can see.',
    lastDate: '2026-11-28',
    truncated: false,
    suggestion: {
      key: KEY,
      sentence: 'Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?',
      name: 'Dana Reyes',
    },
    canAct: true,
    ...patch,
  };
}

afterEach(clearBody);

it('lists each tie with its summary, strength and whether they are on the map, and the last activity', async () => {
  const el = mount('c-relationship-map-person-activity', RelationshipMapPersonActivity, { activity: activity() });
  await flush();
  expect(q(el, 'activity-help')?.textContent?.trim()).toBe(
    'From the last 12 months of calls, meetings and emails you can see.'
  );
  expect(texts(el, '.tie-name')).toEqual(['Dana Reyes', 'Priya Shah']);
  expect(texts(el, '.tie .slds-text-color_weak')).toEqual([
    '12 meetings, 30 emails, last 3 days ago · Strong tie',
    '2 emails, last 40 days ago · not on the map',
  ]);
  expect(q(el, 'activity-last')?.textContent).toBe(`Last activity: ${dayText('2026-11-28')}`);
  expect(dayText('2026-11-28')).toMatch(/28/);
});

it('says counts are lower bounds when the evidence was cut, and when there is no activity', async () => {
  const el = mount('c-relationship-map-person-activity', RelationshipMapPersonActivity, {
    activity: activity({ truncated: true, rows: [], lastDate: '', suggestion: null }),
  });
  await flush();
  expect(q(el, 'activity-help')?.textContent).toContain('Counts are lower bounds');
  expect(q(el, 'activity-last')?.textContent).toBe('No calls, meetings or emails with the other side in this window.');
  expect(q(el, 'activity-list')).toBeNull();
  expect(q(el, 'activity-suggestion')).toBeNull();
});

it('shows loading and a failure quietly', async () => {
  const el = mount('c-relationship-map-person-activity', RelationshipMapPersonActivity, {
    activity: activity({ status: 'loading', rows: [], suggestion: null }),
  });
  await flush();
  expect(q(el, 'activity-loading')?.textContent).toBe('Loading activity…');
  (el as unknown as { activity: PersonActivity }).activity = activity({ status: 'error', error: 'No access.' });
  await flush();
  expect(q(el, 'activity-error')?.textContent?.trim()).toBe('Activity could not be loaded: No access.');
  expect(q(el, 'activity-list')).toBeNull();
});

it('offers the suggested link with Add link and Dismiss, events that bubble out of the panel', async () => {
  const el = mount('c-relationship-map-person-activity', RelationshipMapPersonActivity, { activity: activity() });
  const accepted: unknown[] = [];
  document.body.addEventListener('acceptsuggestion', (e) => accepted.push((e as CustomEvent).detail));
  const dismissed = listen(el, 'dismisssuggestion');
  await flush();
  expect(q(el, 'activity-suggestion')?.querySelector('p')?.textContent).toBe(
    'Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?'
  );
  expect(q(el, 'activity-accept')?.getAttribute('aria-label')).toBe('Add link with Dana Reyes');
  q(el, 'activity-accept')!.click();
  q(el, 'activity-dismiss')!.click();
  expect(accepted).toEqual([{ key: KEY }]);
  expect(dismissed).toEqual([{ key: KEY }]);
});

it('read-only: the sentence, no buttons', async () => {
  const el = mount('c-relationship-map-person-activity', RelationshipMapPersonActivity, {
    activity: activity({ canAct: false }),
  });
  await flush();
  expect(q(el, 'activity-suggestion')).not.toBeNull();
  expect(q(el, 'activity-accept')).toBeNull();
  expect(q(el, 'activity-dismiss')).toBeNull();
});
