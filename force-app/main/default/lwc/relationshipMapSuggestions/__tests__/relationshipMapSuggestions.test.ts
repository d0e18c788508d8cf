/**
 * The suggestions strip: one closed line "Activity suggests 1 link and 2 people" (a disclosure,
 * aria-expanded), the sentences with Add and Dismiss named after the people, the events the
 * container acts on, nothing for a read-only user or without suggestions, and the quiet line when
 * the evidence failed to load.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import RelationshipMapSuggestions from 'c/relationshipMapSuggestions';
import type { SuggestionLists } from 'c/relationshipMapSuggestions';
import type { MapPerson } from 'c/relationshipGraph';
import { suggestionRows, suggestionsHeadline } from 'c/relationshipMapSuggestions';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';

interface Fixture {
  people: MapPerson[];
  suggestions: SuggestionLists;
}
const fixture = (): Fixture => JSON.parse(readFileSync(join(__dirname, 'data', 'suggestions.json'), 'utf8')) as Fixture;

const flush = () => Promise.resolve().then(() => Promise.resolve());
const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const q = (el: HTMLElement, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const all = (el: HTMLElement, selector: string) => Array.from(shadow(el).querySelectorAll<HTMLElement>(selector));

function strip(props: object = {}) {
  const { people, suggestions } = fixture();
  return mount('c-relationship-map-suggestions', RelationshipMapSuggestions, { people, suggestions, ...props });
}

afterEach(clearBody);

describe('suggestionsHeadline and suggestionRows', () => {
  it('counts links and people, leaving out a part at zero, singular for one', () => {
    const { suggestions } = fixture();
    expect(suggestionsHeadline(suggestions)).toBe('Activity suggests 1 link and 2 people');
    expect(suggestionsHeadline({ links: [], people: suggestions.people.slice(0, 1) })).toBe(
      'Activity suggests 1 person'
    );
    expect(suggestionsHeadline({ links: [], people: [] })).toBe('');
  });

  it("names the buttons after the people, links first, in the analytics' words", () => {
    const { people, suggestions } = fixture();
    const rows = suggestionRows(suggestions, people);
    expect(rows.map((r) => r.acceptLabel)).toEqual([
      'Add link between Dana Reyes and Lee Park',
      'Add to map: Sam Ito',
      'Add to map: Priya Shah',
    ]);
    expect(rows.map((r) => r.acceptText)).toEqual(['Add link', 'Add to map', 'Add to map']);
    expect(rows[0].sentence).toBe('Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?');
    expect(rows[1].dismissLabel).toBe('Dismiss the suggestion to add Sam Ito');
  });
});

describe('the strip', () => {
  it('is one closed line, and opens into the suggestions (aria-expanded)', async () => {
    const el = strip();
    await flush();
    const toggle = q(el, '[data-id="suggestions-toggle"]')!;
    expect(toggle.textContent?.trim()).toBe('Activity suggests 1 link and 2 people');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(q(el, '[data-id="suggestion-list"]')).toBeNull();
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = all(el, '.rm-sg-row');
    expect(rows.map((r) => r.querySelector('.rm-sg-sentence')?.textContent)).toEqual([
      'Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?',
      'Our people met Sam Ito (CTO) 7 times in 3 months — add them to the map?',
      'Priya Shah from Engineering has met Lee Park 8 times — add them to the map?',
    ]);
    expect(all(el, 'button[data-action="accept"]').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Add link between Dana Reyes and Lee Park',
      'Add to map: Sam Ito',
      'Add to map: Priya Shah',
    ]);
  });

  it('fires acceptsuggestion and dismisssuggestion with the key, and moves focus to the next row', async () => {
    const el = strip();
    const accepted = listen(el, 'acceptsuggestion');
    const dismissed = listen(el, 'dismisssuggestion');
    await flush();
    q(el, '[data-id="suggestions-toggle"]')!.click();
    await flush();
    q(el, 'button[data-action="accept"][data-key="link:005000000000001AAA:003000000000001AAA"]')!.click();
    q(el, 'button[data-action="dismiss"][data-key="person:003000000000009AAA"]')!.click();
    expect(accepted).toEqual([{ key: 'link:005000000000001AAA:003000000000001AAA' }]);
    expect(dismissed).toEqual([{ key: 'person:003000000000009AAA' }]);
    // The container takes the dismissed one away: focus goes to the row after it.
    const { suggestions } = fixture();
    (el as unknown as { suggestions: SuggestionLists }).suggestions = {
      links: suggestions.links,
      people: suggestions.people.slice(1),
    };
    await flush();
    expect(shadow(el).activeElement?.getAttribute('data-key')).toBe('person:005000000000007AAA');
  });

  it('shows nothing without suggestions, and nothing to act on for a read-only user', async () => {
    const empty = strip({ suggestions: { links: [], people: [] } });
    const readOnly = strip({ readOnly: true });
    await flush();
    expect(q(empty, '[data-id="suggestions"]')).toBeNull();
    expect(q(readOnly, '[data-id="suggestions"]')).toBeNull();
    expect(all(readOnly, 'button')).toHaveLength(0);
  });

  it('says quietly that the activity could not be loaded, with Try again', async () => {
    const el = strip({ suggestions: null, error: 'Something went wrong.' });
    const retried = listen(el, 'retry');
    await flush();
    expect(q(el, '[data-id="evidence-error-text"]')?.textContent).toBe(
      'Activity could not be loaded: Something went wrong.'
    );
    expect(q(el, '[data-id="evidence-retry"]')?.textContent?.trim()).toBe('Try again');
    expect(q(el, '[data-id="suggestions-toggle"]')).toBeNull();
    q(el, '[data-id="evidence-retry"]')!.click();
    expect(retried).toHaveLength(1);
  });
});
