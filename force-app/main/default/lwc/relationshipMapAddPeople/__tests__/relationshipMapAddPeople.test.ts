/**
 * "Add people" as a rep uses it: type a name, wait for results, tick several people, add them.
 * The search box is a lightning-input stub (renders nothing): the tests send the `change` events
 * the real one fires. Candidates come from data/candidates.json (what searchPeople returns).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import RelationshipMapAddPeople from 'c/relationshipMapAddPeople';
import type { PersonCandidate } from 'c/relationshipMapApi';

interface Fixture {
  candidates: PersonCandidate[];
  more: PersonCandidate[];
}

const fixture = (): Fixture => JSON.parse(readFileSync(join(__dirname, 'data', 'candidates.json'), 'utf8')) as Fixture;

type AddPeople = ReturnType<typeof mount>;

/** A rendered node: an HTML element or a base-component stub with its public properties. */
type Node = HTMLElement & { label?: string; disabled?: boolean; alternativeText?: string; checked?: boolean };

function mount(props: { candidates?: PersonCandidate[]; searching?: boolean; readOnly?: boolean } = {}) {
  const element = createElement('c-relationship-map-add-people', { is: RelationshipMapAddPeople });
  element.candidates = props.candidates ?? [];
  element.searching = props.searching ?? false;
  element.readOnly = props.readOnly ?? false;
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const $ = (el: AddPeople, selector: string): Node => el.shadowRoot!.querySelector<Node>(selector) as Node;
const $$ = (el: AddPeople, selector: string): Node[] => Array.from(el.shadowRoot!.querySelectorAll<Node>(selector));
const textOf = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function listen(el: AddPeople, name: string): jest.Mock<void, [Event]> {
  const handler = jest.fn<void, [Event]>();
  el.addEventListener(name, handler);
  return handler;
}
const details = (handler: jest.Mock<void, [Event]>): unknown[] =>
  handler.mock.calls.map(([event]) => (event as CustomEvent<unknown>).detail);

async function type(el: AddPeople, value: string): Promise<void> {
  $(el, '[data-id="search"]').dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function tick(el: AddPeople, recordId: string): Promise<void> {
  $(el, `input[data-id="${recordId}"]`).click();
  await flush();
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.useRealTimers();
});

describe('c-relationship-map-add-people: search', () => {
  beforeEach(() => jest.useFakeTimers());

  it('searches once the rep pauses typing (300 ms), with the last text', async () => {
    const el = mount();
    const search = listen(el, 'search');
    await type(el, 'le');
    jest.advanceTimersByTime(200);
    await type(el, 'lee');
    jest.advanceTimersByTime(299);
    expect(search).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(details(search)).toEqual([{ term: 'lee' }]);
    jest.advanceTimersByTime(1000);
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('needs at least 2 characters and says so', async () => {
    const el = mount();
    const search = listen(el, 'search');
    await type(el, ' l ');
    jest.advanceTimersByTime(1000);
    expect(search).not.toHaveBeenCalled();
    expect(textOf($(el, '[data-id="hint"]'))).toBe('Type at least 2 characters to search.');

    await type(el, '  le ');
    expect($(el, '[data-id="hint"]')).toBeNull();
    jest.advanceTimersByTime(300);
    expect(details(search)).toEqual([{ term: 'le' }]);
  });

  it('drops a pending search when the text becomes too short or the panel goes away', async () => {
    const el = mount();
    const search = listen(el, 'search');
    await type(el, 'le');
    await type(el, 'l');
    jest.advanceTimersByTime(1000);
    expect(search).not.toHaveBeenCalled();

    await type(el, 'lee');
    document.body.removeChild(el);
    jest.advanceTimersByTime(1000);
    expect(search).not.toHaveBeenCalled();
  });

  it('shows a spinner while searching', async () => {
    const el = mount({ searching: true, candidates: fixture().candidates });
    await flush();
    expect($(el, 'lightning-spinner').alternativeText).toBe('Searching');
    expect($(el, '[data-id="results"]')).toBeNull();
    el.searching = false;
    await flush();
    expect($(el, 'lightning-spinner')).toBeNull();
    expect($$(el, 'li[data-candidate]')).toHaveLength(4);
  });

  it('says so when nobody matches', async () => {
    const el = mount();
    await type(el, 'zz');
    jest.advanceTimersByTime(300);
    el.searching = true;
    await flush();
    expect($(el, '[data-id="empty"]')).toBeNull();
    el.searching = false;
    el.candidates = [];
    await flush();
    expect(textOf($(el, '[data-id="empty"]'))).toContain('No contacts or users match "zz"');
  });
});

describe('c-relationship-map-add-people: results and adding', () => {
  it('shows each candidate with name, title and kind; markup in a name stays text', async () => {
    const el = mount({ candidates: fixture().candidates });
    await flush();
    const rows = $$(el, 'li[data-candidate]').map((li) => textOf(li));
    expect(rows).toEqual([
      'Lee Park, Head of Procurement · Contact',
      'Alex Lemaire, Contact',
      'Leslie Grant, User (our company)',
      '<script>alert(1)</script>Lena, CTO · Contact',
    ]);
    expect($(el, 'script')).toBeNull();
    // Each checkbox is labelled by the person it adds.
    expect(textOf($(el, 'input[data-id="003000000000011AAA"]').closest('label'))).toContain('Lee Park');
  });

  it('adds the ticked contacts and users in one go', async () => {
    const el = mount({ candidates: fixture().candidates });
    const add = listen(el, 'addpeople');
    await flush();
    expect($(el, '[data-id="add"]').disabled).toBe(true);
    await tick(el, '003000000000011AAA');
    await tick(el, '005000000000013AAA');
    await tick(el, '003000000000012AAA');
    await tick(el, '003000000000012AAA'); // changed their mind
    expect($(el, '[data-id="add"]').label).toBe('Add 2 people');
    expect($(el, '[data-id="add"]').disabled).toBe(false);
    expect(textOf($(el, '[data-id="selection"]'))).toBe('2 people selected');

    $(el, '[data-id="add"]').click();
    await flush();
    expect(details(add)).toEqual([{ contactIds: ['003000000000011AAA'], userIds: ['005000000000013AAA'] }]);
    // Ready for the next batch.
    expect($(el, '[data-id="add"]').label).toBe('Add people');
    expect($(el, '[data-id="add"]').disabled).toBe(true);
    expect($$(el, 'input:checked')).toHaveLength(0);
  });

  it('keeps ticks across searches', async () => {
    const data = fixture();
    const el = mount({ candidates: data.candidates });
    const add = listen(el, 'addpeople');
    await flush();
    await tick(el, '003000000000014AAA');
    el.candidates = data.more;
    await flush();
    await tick(el, '005000000000021AAA');
    expect($(el, '[data-id="add"]').label).toBe('Add 2 people');
    el.candidates = data.candidates;
    await flush();
    expect(($(el, 'input[data-id="003000000000014AAA"]') as unknown as HTMLInputElement).checked).toBe(true);
    $(el, '[data-id="add"]').click();
    expect(details(add)).toEqual([{ contactIds: ['003000000000014AAA'], userIds: ['005000000000021AAA'] }]);
  });

  it('says "Add 1 person" for one', async () => {
    const el = mount({ candidates: fixture().candidates });
    await flush();
    await tick(el, '003000000000011AAA');
    expect($(el, '[data-id="add"]').label).toBe('Add 1 person');
  });

  it('read-only: results without checkboxes or an add button', async () => {
    const el = mount({ candidates: fixture().candidates, readOnly: true });
    const add = listen(el, 'addpeople');
    await flush();
    expect($$(el, 'li[data-candidate]')).toHaveLength(4);
    expect($$(el, 'input[type="checkbox"]')).toHaveLength(0);
    expect($(el, '[data-id="add"]')).toBeNull();
    expect(textOf($(el, '[data-id="read-only"]'))).toContain('read-only');
    expect(add).not.toHaveBeenCalled();
  });

  it('puts the cursor in the search box when it opens', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const el = mount();
    await flush();
    expect(focus.mock.contexts).toEqual([$(el, '[data-id="search"]')]);
    focus.mockRestore();
  });

  it('closes on Cancel, the close button and Escape', async () => {
    const el = mount();
    const close = listen(el, 'close');
    await flush();
    $(el, '[data-id="cancel"]').click();
    $(el, '[data-id="close"]').click();
    $(el, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(close).toHaveBeenCalledTimes(3);
  });
});

describe('c-relationship-map-add-people: accessibility', () => {
  it('is accessible with results and a selection', async () => {
    const el = mount({ candidates: fixture().candidates });
    await flush();
    await tick(el, '003000000000011AAA');
    await expect(el).toBeAccessible();
  });

  it('is accessible while searching, when empty, and read-only', async () => {
    const searching = mount({ searching: true });
    await flush();
    await expect(searching).toBeAccessible();

    jest.useFakeTimers();
    const empty = mount();
    await type(empty, 'zz');
    jest.advanceTimersByTime(300);
    empty.candidates = [];
    await flush();
    expect($(empty, '[data-id="empty"]')).not.toBeNull();
    jest.useRealTimers();
    await expect(empty).toBeAccessible();

    const readOnly = mount({ candidates: fixture().candidates, readOnly: true });
    await flush();
    await expect(readOnly).toBeAccessible();
  });
});

describe('c-relationship-map-add-people: add everyone not on the map', () => {
  it('asks the container to count, then confirms with the numbers and fires addeveryone', async () => {
    const el = mount();
    const count = listen(el, 'counteveryone');
    const add = listen(el, 'addeveryone');
    await flush();
    expect(textOf($(el, '[data-id="everyone-help"]'))).toContain('Map everyone first, then trim');
    $(el, '[data-id="everyone-ask"]').click();
    expect(count).toHaveBeenCalledTimes(1);
    expect(add).not.toHaveBeenCalled();

    el.everyoneCount = { contacts: 40, users: 5 };
    await flush();
    expect(textOf($(el, '[data-id="everyone-question"]'))).toBe(
      "Add 45 people not on the map yet: 40 of the account's contacts and 5 of our people (owner and account team)? Contacts get Reports To links to their managers. You can trim anyone afterwards."
    );
    expect($(el, '[data-id="everyone-yes"]').label).toBe('Add 45 people');
    expect($(el, '[data-id="everyone-ask"]')).toBeNull();
    $(el, '[data-id="everyone-yes"]').click();
    expect(add).toHaveBeenCalledTimes(1);
    expect((add.mock.calls[0][0] as CustomEvent).bubbles).toBe(false);
  });

  it('cancel fires canceleveryone; nobody to add offers only OK', async () => {
    const el = mount();
    const cancel = listen(el, 'canceleveryone');
    el.everyoneCount = { contacts: 1, users: 0 };
    await flush();
    expect(textOf($(el, '[data-id="everyone-question"]'))).toContain(
      "Add 1 person not on the map yet: 1 of the account's contacts?"
    );
    $(el, '[data-id="everyone-no"]').click();
    expect(cancel).toHaveBeenCalledTimes(1);

    el.everyoneCount = { contacts: 0, users: 0 };
    await flush();
    expect(textOf($(el, '[data-id="everyone-question"]'))).toContain(
      'Everyone around this account is on the map already'
    );
    expect($(el, '[data-id="everyone-yes"]')).toBeNull();
    expect($(el, '[data-id="everyone-no"]').label).toBe('OK');
  });

  it('shows progress while adding and disables the button while counting', async () => {
    const el = mount();
    const count = listen(el, 'counteveryone');
    el.everyoneStatus = 'counting';
    await flush();
    expect($(el, '[data-id="everyone-ask"]').disabled).toBe(true);
    $(el, '[data-id="everyone-ask"]').click();
    expect(count).not.toHaveBeenCalled();

    el.everyoneCount = { contacts: 10, users: 2 };
    el.everyoneStatus = 'adding';
    await flush();
    expect(textOf($(el, '[data-id="everyone-progress"]'))).toContain('Adding 12 people to the map…');
    expect($(el, '[data-id="everyone-progress"]').getAttribute('role')).toBe('status');
    expect($(el, '[data-id="everyone-yes"]')).toBeNull();
  });

  it('is not offered on a read-only map, and is accessible while confirming', async () => {
    const readOnly = mount({ readOnly: true });
    await flush();
    expect($(readOnly, '[data-id="everyone"]')).toBeNull();

    const confirming = mount();
    confirming.everyoneCount = { contacts: 3, users: 1 };
    await flush();
    await expect(confirming).toBeAccessible();
  });
});
