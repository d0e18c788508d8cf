/**
 * The person panel as a rep uses it: what they see for the person in data/map.json, and which
 * events each click sends to the container. Base components are sfdx-lwc-jest stubs (they render
 * nothing), so the tests read their public properties (label, value, fieldLevelHelp) and drive
 * them with the `change` events the real components fire.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import RelationshipMapPersonPanel from 'c/relationshipMapPersonPanel';
import { findWarmPaths, formatStrength, prepareMap } from 'c/relationshipGraph';
import type { DecisionMakerPaths, InfluenceLink, MapPerson } from 'c/relationshipGraph';
import type { PersonChange } from 'c/relationshipMapApi';
import type { PersonActivity } from 'c/relationshipMapPersonActivity';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base: new (...args: unknown[]) => object) =>
    class extends Base {
      [Navigate](pageReference: unknown) {
        mockNavigate(pageReference);
      }
      [GenerateUrl]() {
        return Promise.resolve('https://example.com/record');
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin, CurrentPageReference: jest.fn() };
});

interface MapFixture {
  people: MapPerson[];
  links: InfluenceLink[];
  changes: PersonChange[];
}

const load = (): MapFixture => JSON.parse(readFileSync(join(__dirname, 'data', 'map.json'), 'utf8')) as MapFixture;

const MORGAN = 'a01000000000001AAA';
const PAT = 'a01000000000002AAA';
const DANA = 'a01000000000003AAA';
const SAM = 'a01000000000004AAA';
const EVE = 'a01000000000005AAA';

type Panel = ReturnType<typeof mount>;

function mount(
  personId = MORGAN,
  extra: { readOnly?: boolean; warmPaths?: DecisionMakerPaths | null; canDeleteLinks?: boolean } = {}
) {
  const data = load();
  const element = createElement('c-relationship-map-person-panel', { is: RelationshipMapPersonPanel });
  element.people = data.people;
  element.links = data.links;
  element.changes = data.changes;
  element.person = data.people.find((p) => p.id === personId) ?? null;
  element.readOnly = extra.readOnly ?? false;
  // An admin's panel unless a test says otherwise: removing links is the Admin permission set's.
  element.canDeleteLinks = extra.canDeleteLinks ?? true;
  element.warmPaths = extra.warmPaths ?? null;
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();

const root = (el: Panel): ShadowRoot => el.shadowRoot!;
/**
 * A rendered node: an HTML element, or a base-component stub whose public properties the
 * template set. `$` returns null (typed as a node) when nothing matches.
 */
type Node = HTMLElement & {
  label?: string;
  value?: string;
  options?: { label: string; value: string }[];
  fieldLevelHelp?: string;
  alternativeText?: string;
  disabled?: boolean;
  setCustomValidity?: (message: string) => void;
};
/** The panel's parts (sections and forms, and the forms' fields), each with a shadow root of its own. */
const PARTS = [
  'c-relationship-map-person-field-group',
  'c-relationship-map-person-edit-form',
  'c-relationship-map-person-call-form',
  'c-relationship-map-person-links',
  'c-relationship-map-person-link-form',
  'c-relationship-map-person-warm-paths',
  'c-relationship-map-person-changes',
  'c-relationship-map-person-activity',
  'c-relationship-map-form-box',
  'c-relationship-map-field',
  'c-relationship-map-form-alert',
  'c-relationship-map-form-footer',
].join(', ');
/** A shadow root, then those of its parts and theirs, in document order. */
const rootsUnder = (r: ShadowRoot): ShadowRoot[] => [
  r,
  ...Array.from(r.querySelectorAll<HTMLElement>(PARTS)).flatMap((part) => {
    return part.shadowRoot ? rootsUnder(part.shadowRoot) : [];
  }),
];
const roots = (el: Panel): ShadowRoot[] => rootsUnder(root(el));
/**
 * What `selector` matches in the panel and its parts. `[data-id="…"] inner` reads `inner` inside
 * that element and through the shadow roots of the parts in it (a form draws its fields in
 * c-relationship-map-field).
 */
const $$ = (el: Panel, selector: string): Node[] => {
  const scoped = /^(\[data-id="[^"]+"\]) (.+)$/.exec(selector);
  if (!scoped) return roots(el).flatMap((r) => Array.from(r.querySelectorAll<Node>(selector)));
  const [, scope, inner] = scoped;
  return $$(el, scope).flatMap((holder) => [
    ...Array.from(holder.querySelectorAll<Node>(inner)),
    ...Array.from(holder.querySelectorAll<HTMLElement>(PARTS))
      .flatMap((part) => (part.shadowRoot ? rootsUnder(part.shadowRoot) : []))
      .flatMap((r) => Array.from(r.querySelectorAll<Node>(inner))),
  ]);
};
const $ = (el: Panel, selector: string): Node => $$(el, selector)[0] ?? (null as unknown as Node);
const textOf = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Panel): string =>
  roots(el)
    .map((r) => r.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');

/** Clicks a base component (stub) or a native button. */
async function click(el: Panel, selector: string): Promise<void> {
  const target = $(el, selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.click();
  await flush();
}

/** Sends the `change` event a lightning-input/-combobox/-textarea/-radio-group fires. */
async function change(el: Panel, selector: string, detail: { value?: string; checked?: boolean }): Promise<void> {
  const target = $(el, selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

function listen(el: Panel, name: string): jest.Mock {
  const handler = jest.fn();
  el.addEventListener(name, handler);
  return handler;
}

const detailOf = (handler: jest.Mock): unknown => (handler.mock.calls[0][0] as CustomEvent).detail;

/** The `<dd>` of a field in the view. */
const shown = (el: Panel, field: string): string => ($(el, `dd[data-field="${field}"]`)?.textContent ?? '').trim();

/** The inlineHelpText of a Map Contact field, from its metadata. */
function helpTextOf(object: string, field: string): string {
  const dir = join(__dirname, '..', '..', '..', 'objects', object, 'fields');
  const file = readdirSync(dir).find((f) => f === `${field}.field-meta.xml`);
  if (!file) throw new Error(`no ${object}.${field}`);
  const match = /<inlineHelpText\s*>([\s\S]*?)<\/inlineHelpText>/.exec(readFileSync(join(dir, file), 'utf8'));
  return (match?.[1] ?? '').replace(/\s+/g, ' ').trim();
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-relationship-map-person-panel: what the rep sees', () => {
  it('shows every field group with the values of the person', async () => {
    const el = mount();
    await flush();
    const headings = $$(el, 'section[data-group] h3').map((h) => textOf(h));
    expect(headings).toEqual(['Person', 'Position and Authority', 'Where They Stand', 'What Drives Them', 'Our Plan']);

    expect(textOf($(el, 'h2'))).toBe('Morgan Lee');
    expect(shown(el, 'title')).toBe('CFO');
    expect(shown(el, 'side')).toBe('Customer');
    expect(shown(el, 'isPrimaryContact')).toBe('No');
    expect(shown(el, 'role')).toBe('Decision Maker');
    expect(shown(el, 'isDecisionMaker')).toBe('Yes');
    expect(shown(el, 'authority')).toBe('High');
    expect(shown(el, 'coverage')).toBe('Brief');
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date('2025-03-03T00:00:00Z')
    );
    expect(shown(el, 'lastInteraction')).toBe(day);
    expect(shown(el, 'stanceChangedAt')).toContain('2025');
    expect(shown(el, 'personalGoals')).toBe('Wants to be seen as the CFO who cut tool sprawl.');
    expect(shown(el, 'prioritiesPainPoints')).toContain('Audit findings on licence spend.');
    expect(shown(el, 'communicationStyle')).toBe('Data-Driven');
    expect(shown(el, 'preferredChannel')).toBe('In Person');
    expect(shown(el, 'relationToGoal')).toBe('Signs every contract above 100k.');
    expect(shown(el, 'needsFromThem')).toBe('Sign-off on the three-year term.');
    expect(shown(el, 'ourAssessment')).toBe('Reliable once convinced; hates surprises.');
    expect(shown(el, 'goalImpact')).toBe('Loses');
    expect(shown(el, 'expectedReaction')).toBe('Will push back on price.');
    expect(shown(el, 'contingencyPlan')).toBe('Not set');
    // Stance and sentiment: the current choice is pressed.
    const pressed = $$(el, 'button[aria-pressed="true"]').map((b) => b.dataset.value);
    expect(pressed).toEqual(['Skeptic', 'Neutral']);
  });

  it('reads blank picklists as their defaults, as the data model says', async () => {
    const el = mount(DANA);
    await flush();
    expect(shown(el, 'role')).toBe('Unknown');
    expect(shown(el, 'coverage')).toBe('None');
    expect(shown(el, 'preferredChannel')).toBe('Not set');
    expect(textOf($(el, '[data-id="sentiment-buttons"] button[aria-pressed="true"]'))).toBe('Unknown');
  });

  it('opens the Contact record (or the User record for our own people)', async () => {
    const el = mount();
    await flush();
    expect($(el, '[data-id="record-link"]').label).toBe('Open contact record');
    await click(el, '[data-id="record-link"]');
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000001AAA', objectApiName: 'Contact', actionName: 'view' },
    });

    const ours = mount(DANA);
    await flush();
    await click(ours, '[data-id="record-link"]');
    expect(mockNavigate).toHaveBeenLastCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '005000000000003AAA', objectApiName: 'User', actionName: 'view' },
    });
  });

  it('shows a vacant seat with its snapshot name, "Left the company" and no record link', async () => {
    const el = mount(SAM);
    await flush();
    expect(textOf($(el, 'h2'))).toBe('Sam Ortiz');
    expect(text(el)).toContain('Left the company');
    expect(shown(el, 'contactId')).toBe('Left the company');
    expect($(el, '[data-id="record-link"]')).toBeNull();
  });

  it('flags a person who loses from our goal and has no damage-control plan', async () => {
    const el = mount();
    await flush();
    const flag = $(el, '[data-id="contingency-flag"]');
    expect(flag.textContent).toContain('No damage-control plan');
    // The flag is drawn by the group's part; its section is the panel's, around the part.
    const part = (flag.getRootNode() as ShadowRoot).host;
    expect(part.closest<HTMLElement>('section')?.dataset.group).toBe('plan');

    const data = load();
    const morgan = data.people.find((p) => p.id === MORGAN)!;
    el.person = { ...morgan, contingencyPlan: 'Dana takes Morgan to the reference customer.' };
    await flush();
    expect($(el, '[data-id="contingency-flag"]')).toBeNull();

    el.person = { ...morgan, goalImpact: 'Gains' };
    await flush();
    expect($(el, '[data-id="contingency-flag"]')).toBeNull();
  });

  it('renders a name containing markup as text', async () => {
    const el = mount(EVE);
    await flush();
    expect(textOf($(el, 'h2'))).toBe('<img src=x onerror=alert(1)><b>Eve</b>');
    expect($(el, 'img')).toBeNull();
    expect($(el, 'b')).toBeNull();
    // …also where the name appears in someone else's link list.
    const other = mount();
    await flush();
    expect(text(other)).toContain('Morgan Lee influences <img src=x onerror=alert(1)><b>Eve</b>');
    expect($(other, 'img')).toBeNull();
  });

  it('lists recent changes newest first with old → new, who, when and source, and marks call logs', async () => {
    const el = mount();
    await flush();
    const rows = $$(el, 'li[data-change]');
    // Pat's change is not Morgan's.
    expect(rows.map((r) => r.dataset.change)).toEqual([
      'a03000000000002AAA',
      'a03000000000001AAA',
      'a03000000000003AAA',
    ]);
    const [call, edit, imported] = rows.map((r) => textOf(r));
    expect(call).toContain('Sentiment: Positive → changed to Neutral');
    expect(call).toContain('Dana Ruiz · ');
    expect(call).toContain('Dana Ruiz');
    expect(call).toContain('Call Log');
    expect(call).toContain('Budget call');
    expect(edit).toContain('Stance: Neutral → changed to Skeptic');
    expect(edit).toContain('Ann Rep');
    expect(edit).toContain('Edit');
    expect(imported).toContain('Title: (blank) → changed to CFO');
    expect(rows[0].querySelector('[data-id="call-log-badge"]')).not.toBeNull();
    expect(rows[1].querySelector('[data-id="call-log-badge"]')).toBeNull();
    expect(textOf(rows[0].querySelector('[data-part="meta"]'))).toMatch(/2025/);
  });

  it("writes dates in the Salesforce user's locale and time zone, not the browser's", async () => {
    // sfdx-lwc-jest answers @salesforce/i18n with en-US and America/Los_Angeles.
    const el = mount();
    await flush();
    const [call] = $$(el, 'li[data-change]');
    // 2025-03-03T16:00Z is 8:00 AM in Los Angeles.
    expect(textOf(call.querySelector('[data-part="meta"]'))).toContain('Mar 3, 2025, 8:00 AM');
    // A date (Last interaction, 2025-03-03) never shifts with the time zone.
    expect(text(el)).toContain('Mar 3, 2025');
  });

  it('says so when there are no changes', async () => {
    const el = mount(EVE);
    await flush();
    expect($(el, '[data-id="no-changes"]').textContent).toContain('No changes recorded yet');
  });

  it("lists the person's outgoing and incoming links with the other person, type and strength", async () => {
    const el = mount();
    await flush();
    const out = $$(el, '[data-id="outgoing"] li').map((li) => textOf(li));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('Morgan Lee influences <img src=x onerror=alert(1)><b>Eve</b>');
    expect(out[0]).toContain('<img src=x onerror=alert(1)><b>Eve</b> · Influences · Weak');
    expect(out[0]).toContain('Asks Eve before any IT purchase.');
    const incoming = $$(el, '[data-id="incoming"] li').map((li) => textOf(li));
    expect(incoming).toHaveLength(2);
    expect(incoming[0]).toContain('Pat Kim reports to Morgan Lee');
    expect(incoming[0]).toContain('Pat Kim · Reports To · Strong');
    // Blank type and strength read as Influences / Medium; Ally reads both ways.
    expect(incoming[1]).toContain('are allies');
    expect(incoming[1]).toContain('Ally · Medium');
  });
});

describe('c-relationship-map-person-panel: stance and sentiment in one click', () => {
  it('one click on "Supporter" sends exactly { stance: "Supporter" }', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    const supporter = $$(el, '[data-id="stance-buttons"] button').find((b) => b.dataset.value === 'Supporter')!;
    expect(supporter.getAttribute('aria-pressed')).toBe('false');
    supporter.click();
    await flush();
    expect(update).toHaveBeenCalledTimes(1);
    expect(detailOf(update)).toEqual({ personId: MORGAN, fields: { stance: 'Supporter' } });
  });

  it('shows each stance with its letter and colour, and does nothing on the current stance', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    const buttons = $$(el, '[data-id="stance-buttons"] button');
    // The letter is drawn in the colour swatch (hidden from screen readers), the name beside it.
    const letters = buttons.map((b) => textOf(b.querySelector('.swatch')));
    const names = buttons.map((b) => textOf(b).slice(1));
    expect(letters).toEqual(['C', 'S', 'N', 'K', 'O', '?']);
    expect(names).toEqual(['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent', 'Unknown']);
    expect(buttons.every((b) => b.querySelector('.swatch')?.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(buttons[0].querySelector('.swatch')?.getAttribute('style')).toContain('background-color: #009E73');
    buttons[3].click(); // Skeptic, already
    await flush();
    expect(update).not.toHaveBeenCalled();
  });

  it('one click on a sentiment sends exactly { sentiment }', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    $$(el, '[data-id="sentiment-buttons"] button')
      .find((b) => b.dataset.value === 'Very Negative')!
      .click();
    await flush();
    expect(detailOf(update)).toEqual({ personId: MORGAN, fields: { sentiment: 'Very Negative' } });
  });
});

describe('c-relationship-map-person-panel: the Edit form', () => {
  it('sends only the fields the rep changed', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    await click(el, '[data-id="edit"]');
    expect($(el, '[data-id="edit-form"]')).not.toBeNull();
    expect($(el, '[data-field="role"]').value).toBe('Decision Maker');

    await change(el, '[data-field="title"]', { value: 'Chief Financial Officer' });
    await change(el, '[data-field="role"]', { value: 'Economic Buyer' });
    await change(el, '[data-field="ourAssessment"]', { value: '' });
    await change(el, '[data-field="isPrimaryContact"]', { checked: true });
    // Changed and changed back: not sent.
    await change(el, '[data-field="coverage"]', { value: 'Regular' });
    await change(el, '[data-field="coverage"]', { value: 'Brief' });
    await click(el, '[data-id="edit-save"]');

    expect(update).toHaveBeenCalledTimes(1);
    expect(detailOf(update)).toEqual({
      personId: MORGAN,
      fields: { title: 'Chief Financial Officer', role: 'Economic Buyer', ourAssessment: null, isPrimaryContact: true },
    });
    expect($(el, '[data-id="edit-form"]')).toBeNull();
  });

  it('sends nothing when nothing changed, and a blank picklist left at its default is no change', async () => {
    const el = mount(DANA); // role, authority, coverage … all blank
    const update = listen(el, 'updateperson');
    await flush();
    await click(el, '[data-id="edit"]');
    expect($(el, '[data-field="authority"]').value).toBe('Unknown');
    await click(el, '[data-id="edit-save"]');
    expect(update).not.toHaveBeenCalled();
    expect($(el, '[data-id="edit-form"]')).toBeNull();
  });

  it('rejects a value that is not in the picklist, with a visible message', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    await click(el, '[data-id="edit"]');
    await change(el, '[data-field="role"]', { value: 'Chief Decider' });
    await change(el, '[data-field="name"]', { value: '   ' });
    const role = $(el, '[data-id="edit-form"] [data-field="role"]');
    role.setCustomValidity = jest.fn();
    await click(el, '[data-id="edit-save"]');
    await flush();

    expect(update).not.toHaveBeenCalled();
    const errors = $(el, '[data-id="edit-errors"]');
    expect(errors.getAttribute('role')).toBe('alert');
    expect(errors.textContent).toContain('Role: "Chief Decider" is not one of the allowed values');
    expect(errors.textContent).toContain('Person Name is required.');
    expect(role.setCustomValidity).toHaveBeenCalledWith(expect.stringContaining('not one of the allowed values'));
    expect($(el, '[data-id="edit-form"]')).not.toBeNull();
  });

  it('rejects a date that does not exist and a title that is too long', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    await click(el, '[data-id="edit"]');
    await change(el, '[data-field="lastInteraction"]', { value: '2025-02-30' });
    await change(el, '[data-field="title"]', { value: 'x'.repeat(129) });
    await click(el, '[data-id="edit-save"]');
    expect(update).not.toHaveBeenCalled();
    expect(textOf($(el, '[data-id="edit-errors"]'))).toContain('Last Interaction must be a date.');
    expect(textOf($(el, '[data-id="edit-errors"]'))).toContain('Title: keep it to 128 characters (it has 129).');

    await change(el, '[data-field="lastInteraction"]', { value: '2025-02-28' });
    await change(el, '[data-field="title"]', { value: 'CFO' });
    await click(el, '[data-id="edit-save"]');
    expect(detailOf(update)).toEqual({ personId: MORGAN, fields: { lastInteraction: '2025-02-28' } });
  });

  it('explains each field with the help text of its metadata', async () => {
    const el = mount();
    await flush();
    await click(el, '[data-id="edit"]');
    const apiNames: Record<string, string> = {
      title: 'Title__c',
      side: 'Side__c',
      isVacant: 'Is_Vacant__c',
      isPrimaryContact: 'Is_Primary_Contact__c',
      excluded: 'Excluded__c',
      role: 'Role__c',
      authority: 'Authority__c',
      coverage: 'Coverage__c',
      lastInteraction: 'Last_Interaction__c',
      personalGoals: 'Personal_Goals__c',
      prioritiesPainPoints: 'Priorities_Pain_Points__c',
      communicationStyle: 'Communication_Style__c',
      preferredChannel: 'Preferred_Channel__c',
      relationToGoal: 'Relation_To_Goal__c',
      needsFromThem: 'Needs_From_Them__c',
      ourAssessment: 'Our_Assessment__c',
      goalImpact: 'Goal_Impact__c',
      expectedReaction: 'Expected_Reaction__c',
      contingencyPlan: 'Contingency_Plan__c',
    };
    const controls = $$(el, '[data-id="edit-form"] [data-field]');
    expect(controls.map((c) => c.dataset.field).sort()).toEqual([...Object.keys(apiNames), 'name'].sort());
    for (const [field, apiName] of Object.entries(apiNames)) {
      expect({ field, help: $(el, `[data-id="edit-form"] [data-field="${field}"]`).fieldLevelHelp }).toEqual({
        field,
        help: helpTextOf('Map_Contact__c', apiName),
      });
    }
    // Picklists offer exactly the data model's values.
    expect($(el, '[data-field="goalImpact"]').options!.map((o) => o.value)).toEqual([
      'Gains',
      'Neutral',
      'Loses',
      'Unknown',
    ]);
  });

  it('Cancel discards the draft', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    await flush();
    await click(el, '[data-id="edit"]');
    await change(el, '[data-field="title"]', { value: 'CEO' });
    await click(el, '[data-id="edit-cancel"]');
    expect($(el, '[data-id="edit-form"]')).toBeNull();
    expect(shown(el, 'title')).toBe('CFO');
    expect(update).not.toHaveBeenCalled();
  });
});

describe('c-relationship-map-person-panel: long texts loaded per person, and refused edits', () => {
  /** Morgan as a map load sends them: no long texts, their flags instead. */
  function withoutTexts(el: Panel): MapPerson {
    const morgan = { ...(el.person as MapPerson) };
    for (const key of ['personalGoals', 'contingencyPlan', 'ourAssessment'] as const) delete morgan[key];
    morgan.hasDetails = false;
    morgan.hasPersonalGoals = true;
    morgan.hasContingencyPlan = false;
    el.person = morgan;
    return morgan;
  }

  it('while the texts load: Edit is off and the long texts say "Loading…"; the contingency flag comes from the formula', async () => {
    const el = mount();
    withoutTexts(el);
    el.detailsStatus = 'loading';
    await flush();
    expect(textOf($(el, '[data-id="details-loading"]'))).toBe("Loading Morgan Lee's notes and plans…");
    expect($(el, '[data-id="edit"]').disabled).toBe(true);
    expect(textOf($(el, 'dd[data-field="personalGoals"]'))).toBe('Loading…');
    // Goal impact Loses and Has_Contingency_Plan__c false: the missing plan is flagged before the text arrives.
    expect($(el, '[data-id="contingency-flag"]')).not.toBeNull();
    await click(el, '[data-id="edit"]');
    expect($(el, '[data-id="edit-form"]')).toBeNull();
  });

  it('when the texts cannot be loaded it says why, and "Try again" asks the container once more', async () => {
    const el = mount();
    withoutTexts(el);
    el.detailsStatus = 'error';
    el.detailsError = "You don't have access to open this person.";
    const retry = listen(el, 'retrydetails');
    await flush();
    expect(textOf($(el, '[data-id="details-error"]'))).toContain(
      "Morgan Lee's notes could not be loaded: You don't have access to open this person."
    );
    expect(textOf($(el, 'dd[data-field="personalGoals"]'))).toBe('Not loaded');
    await click(el, '[data-id="details-retry"]');
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('an edit refused because someone changed the person reopens with what the rep typed, over what is saved now', async () => {
    const el = mount();
    const update = listen(el, 'updateperson');
    const sentence = 'Dana Reyes changed this person at 10:42 — reload to see their changes.';
    el.person = { ...(el.person as MapPerson), personalGoals: 'Their text', title: 'CFO (theirs)' };
    el.rejectedEdit = { personId: MORGAN, fields: { personalGoals: 'My text' }, message: sentence, reloaded: true };
    await flush();
    expect($(el, '[data-id="edit-form"]')).not.toBeNull();
    expect(textOf($(el, '[data-id="edit-conflict"]'))).toContain(sentence);
    expect($(el, '[data-field="personalGoals"]').value).toBe('My text');
    expect($(el, '[data-field="title"]').value).toBe('CFO (theirs)');
    await click(el, '[data-id="edit-save"]');
    expect(detailOf(update)).toEqual({ personId: MORGAN, fields: { personalGoals: 'My text' } });
    // The same refusal does not reopen the form again.
    el.person = { ...el.person };
    await flush();
    expect($(el, '[data-id="edit-form"]')).toBeNull();
  });

  it('a refused stance change (no form field) leaves the panel as it is', async () => {
    const el = mount();
    el.rejectedEdit = { personId: MORGAN, fields: { stance: 'Opponent' }, message: 'x', reloaded: true };
    await flush();
    expect($(el, '[data-id="edit-form"]')).toBeNull();
  });
});

describe('c-relationship-map-person-panel: links', () => {
  async function openLinkForm(el: Panel, values: Record<string, string>): Promise<void> {
    await click(el, '[data-id="add-link"]');
    // One change at a time, as a user makes them.
    await Object.entries(values).reduce(
      (previous, [field, value]) =>
        previous.then(() => change(el, `[data-id="link-form"] [data-field="${field}"]`, { value })),
      Promise.resolve()
    );
  }

  it('offers everyone else on the map as the other person', async () => {
    const el = mount();
    await flush();
    await click(el, '[data-id="add-link"]');
    const targets = $(el, '[data-field="targetId"]').options!.map((o) => o.value);
    expect(targets).not.toContain(MORGAN);
    expect(targets.sort()).toEqual([PAT, DANA, SAM, EVE].sort());
  });

  it('adds a link from this person to the other person', async () => {
    const el = mount();
    const add = listen(el, 'addlink');
    await flush();
    await openLinkForm(el, { targetId: DANA, type: 'Influences', strength: 'Strong', notes: '  Golf partners  ' });
    await click(el, '[data-id="link-submit"]');
    expect(detailOf(add)).toEqual({
      fromId: MORGAN,
      toId: DANA,
      type: 'Influences',
      strength: 'Strong',
      notes: 'Golf partners',
    });
  });

  it('adds a link from the other person to this person', async () => {
    const el = mount();
    const add = listen(el, 'addlink');
    await flush();
    await openLinkForm(el, { targetId: DANA, direction: 'to', type: 'Relationship' });
    await click(el, '[data-id="link-submit"]');
    expect(detailOf(add)).toEqual({
      fromId: DANA,
      toId: MORGAN,
      type: 'Relationship',
      strength: 'Medium',
      notes: null,
    });
  });

  it('refuses a link to the person themselves, with a visible message', async () => {
    const el = mount();
    const add = listen(el, 'addlink');
    await flush();
    await openLinkForm(el, { targetId: MORGAN });
    await click(el, '[data-id="link-submit"]');
    expect(add).not.toHaveBeenCalled();
    const error = $(el, '[data-id="link-error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Morgan Lee cannot be linked to themselves');
  });

  it('refuses a duplicate link (same ends and type), and an undirected one the other way round', async () => {
    const el = mount();
    const add = listen(el, 'addlink');
    await flush();
    await openLinkForm(el, { targetId: PAT, direction: 'to', type: 'Reports To' });
    await click(el, '[data-id="link-submit"]');
    expect($(el, '[data-id="link-error"]').textContent).toContain(
      'This link already exists: Pat Kim reports to Morgan Lee.'
    );

    // Eve → Morgan Ally exists; Morgan → Eve Ally is the same alliance.
    await change(el, '[data-field="targetId"]', { value: EVE });
    await change(el, '[data-field="direction"]', { value: 'from' });
    await change(el, '[data-field="type"]', { value: 'Ally' });
    await click(el, '[data-id="link-submit"]');
    expect($(el, '[data-id="link-error"]').textContent).toContain('This link already exists');
    expect(add).not.toHaveBeenCalled();

    // The other direction of a directed link is a different link.
    await change(el, '[data-field="targetId"]', { value: PAT });
    await change(el, '[data-field="type"]', { value: 'Reports To' });
    await click(el, '[data-id="link-submit"]');
    expect(detailOf(add)).toEqual({ fromId: MORGAN, toId: PAT, type: 'Reports To', strength: 'Medium', notes: null });
  });

  it('asks for the other person before adding', async () => {
    const el = mount();
    const add = listen(el, 'addlink');
    await flush();
    await click(el, '[data-id="add-link"]');
    await click(el, '[data-id="link-submit"]');
    expect(add).not.toHaveBeenCalled();
    expect($(el, '[data-id="link-error"]').textContent).toContain('Choose the other person.');
  });

  it('passes who may remove links down: without the Admin permission set, only Change', async () => {
    const el = mount(MORGAN, { canDeleteLinks: false });
    await flush();
    expect($$(el, '[data-remove]')).toEqual([]);
    expect($$(el, '[data-change]').length).toBeGreaterThan(0);
  });

  it('removes a link only after "Yes"', async () => {
    const el = mount();
    const remove = listen(el, 'removelink');
    await flush();
    const link = 'a02000000000001AAA'; // Pat reports to Morgan
    expect($(el, `[data-remove="${link}"]`).alternativeText).toBe('Remove link: Pat Kim reports to Morgan Lee');
    await click(el, `[data-remove="${link}"]`);
    expect(remove).not.toHaveBeenCalled();
    expect($(el, '[data-id="confirm-text"]').textContent).toContain('Remove the link "Pat Kim reports to Morgan Lee"?');

    await click(el, '[data-id="confirm-no"]');
    expect(remove).not.toHaveBeenCalled();
    expect($(el, '[data-id="confirm-text"]')).toBeNull();

    await click(el, `[data-remove="${link}"]`);
    await click(el, '[data-id="confirm-yes"]');
    expect(remove).toHaveBeenCalledTimes(1);
    expect(detailOf(remove)).toEqual({ linkId: link });
  });
});

describe('c-relationship-map-person-panel: Log call', () => {
  it('prefills stance and sentiment with the current ones and sends the call', async () => {
    const el = mount();
    const log = listen(el, 'logcall');
    await flush();
    await click(el, '[data-id="log-call"]');
    expect($(el, '[data-id="call-form"] [data-field="stance"]').value).toBe('Skeptic');
    expect($(el, '[data-id="call-form"] [data-field="sentiment"]').value).toBe('Neutral');
    await change(el, '[data-id="call-form"] [data-field="subject"]', { value: 'Budget review' });
    await change(el, '[data-id="call-form"] [data-field="comments"]', { value: 'Agreed to a pilot.' });
    await change(el, '[data-id="call-form"] [data-field="stance"]', { value: 'Neutral' });
    await click(el, '[data-id="call-submit"]');
    expect(detailOf(log)).toEqual({
      personId: MORGAN,
      subject: 'Budget review',
      comments: 'Agreed to a pilot.',
      stance: 'Neutral',
      sentiment: 'Neutral',
    });
    expect($(el, '[data-id="call-form"]')).toBeNull();
  });

  it('needs a subject and a valid stance', async () => {
    const el = mount();
    const log = listen(el, 'logcall');
    await flush();
    await click(el, '[data-id="log-call"]');
    await change(el, '[data-id="call-form"] [data-field="subject"]', { value: ' ' });
    await click(el, '[data-id="call-submit"]');
    expect($(el, '[data-id="call-error"]').textContent).toContain('Subject is required.');
    await change(el, '[data-id="call-form"] [data-field="subject"]', { value: 'Call' });
    await change(el, '[data-id="call-form"] [data-field="stance"]', { value: 'Furious' });
    await click(el, '[data-id="call-submit"]');
    expect($(el, '[data-id="call-error"]').textContent).toContain('Stance: "Furious" is not one of');
    expect(log).not.toHaveBeenCalled();
  });
});

describe('c-relationship-map-person-panel: warm paths', () => {
  const pathsTo = (data: MapFixture, id: string): DecisionMakerPaths => {
    const map = prepareMap({ people: data.people, links: data.links }, { now: '2025-03-10T00:00:00Z' });
    return findWarmPaths(map).find((p) => p.decisionMakerId === id)!;
  };

  it('shows the best ways in with the explanation of the analytics', async () => {
    const warm = pathsTo(load(), MORGAN);
    expect(warm.status).toBe('warm');
    const el = mount(MORGAN, { warmPaths: warm });
    await flush();
    const items = $$(el, '[data-id="warm-list"] li').map((li) => textOf(li));
    expect(items.length).toBe(Math.min(3, warm.paths.length));
    expect(items[0]).toContain(warm.paths[0].explanation);
    expect(items[0]).toContain(`Strength ${formatStrength(warm.paths[0].strength)}`);
    expect($(el, '[data-id="warm-status"]')).toBeNull();
  });

  it('says when the only way in runs through opponents', async () => {
    const data = load();
    // Pat turns against us: Dana's only way to Morgan now runs through an opponent.
    data.people = data.people.map((p) => (p.id === PAT ? { ...p, stance: 'Opponent' } : p));
    const paths = pathsTo(data, MORGAN);
    expect(paths.status).toBe('only-through-opponents');
    const el = mount(MORGAN, { warmPaths: paths });
    await flush();
    expect($(el, '[data-id="warm-status"]').textContent).toContain('No warm path — only through opponents');
    expect($(el, '[data-id="warm-list"]')).not.toBeNull();
  });

  it('says when there is no path at all', async () => {
    const data = load();
    data.links = data.links.filter((l) => l.fromId !== DANA);
    const paths = pathsTo(data, MORGAN);
    expect(paths.status).toBe('unreachable');
    const el = mount(MORGAN, { warmPaths: paths });
    await flush();
    expect($(el, '[data-id="warm-status"]').textContent).toContain('No path');
    expect($(el, '[data-id="warm-summary"]').textContent).toContain(paths.summary);
    expect($(el, '[data-id="warm-list"]')).toBeNull();
  });

  it('shows no warm-path section without warm paths', async () => {
    const el = mount();
    await flush();
    expect($(el, '[data-id="warm-paths"]')).toBeNull();
  });
});

describe('c-relationship-map-person-panel: activity', () => {
  const activity: PersonActivity = {
    status: '',
    error: '',
    rows: [
      { key: 'u:c', name: 'Dana Reyes', summary: '12 meetings, last 3 days ago', strength: 'Strong', onMap: true },
    ],
    help: 'From the last 12 months of calls, meetings and emails you can see.',
    lastDate: '2025-03-07',
    truncated: false,
    suggestion: {
      key: 'link:u:c',
      sentence: 'Dana Reyes has met Morgan 12 times in 6 months — add a Relationship link?',
      name: 'Dana Reyes',
    },
    canAct: true,
  };

  it('shows an Activity section after Links when the container passes the activity, and none without', async () => {
    const without = mount();
    await flush();
    expect($(without, '[data-id="activity"]')).toBeNull();
    const el = mount(MORGAN);
    el.activity = activity;
    await flush();
    const titles = $$(el, 'button[data-section]').map((b) => textOf(b));
    expect(titles.indexOf('Activity')).toBe(titles.indexOf('Links') + 1);
    expect(textOf($(el, '[data-id="activity-list"]'))).toBe('Dana Reyes12 meetings, last 3 days ago · Strong tie');
    expect(textOf($(el, '[data-id="activity-help"]'))).toBe(activity.help);
  });

  it("the suggestion's Add link and Dismiss reach the panel's listener (bubbling, composed)", async () => {
    const el = mount(MORGAN);
    el.activity = activity;
    const accepted = listen(el, 'acceptsuggestion');
    const dismissed = listen(el, 'dismisssuggestion');
    await flush();
    await click(el, '[data-id="activity-accept"]');
    await click(el, '[data-id="activity-dismiss"]');
    expect(detailOf(accepted)).toEqual({ key: 'link:u:c' });
    expect(detailOf(dismissed)).toEqual({ key: 'link:u:c' });
  });
});

describe('c-relationship-map-person-panel: read-only', () => {
  it('shows everything but no editing controls', async () => {
    const el = mount(MORGAN, { readOnly: true });
    await flush();
    expect(shown(el, 'role')).toBe('Decision Maker');
    expect($(el, '[data-field="stance"]').textContent).toContain('Skeptic');
    expect($(el, '[data-field="sentiment"]').textContent).toContain('Neutral');
    // Only the sections' fold buttons: nothing that changes the person.
    expect($$(el, 'button:not([data-section])')).toEqual([]);
    for (const id of ['edit', 'log-call', 'add-link']) expect($(el, `[data-id="${id}"]`)).toBeNull();
    expect($$(el, '[data-remove]')).toEqual([]);
    expect($$(el, '[data-id="incoming"] li')).toHaveLength(2);
    expect($(el, '[data-id="record-link"]')).not.toBeNull();
  });
});

describe('c-relationship-map-person-panel: keyboard and focus', () => {
  it('moves focus to the person heading when it opens', async () => {
    const el = mount();
    await flush();
    expect(root(el).activeElement).toBe($(el, 'h2'));
  });

  it('fires close on Escape and on the close button', async () => {
    const el = mount();
    const close = listen(el, 'close');
    await flush();
    $(el, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(close).toHaveBeenCalledTimes(1);
    await click(el, '[data-id="close"]');
    expect(close).toHaveBeenCalledTimes(2);
  });

  it('Escape in an open form closes the form first', async () => {
    const el = mount();
    const close = listen(el, 'close');
    await flush();
    await click(el, '[data-id="edit"]');
    // A key pressed in a browser is composed: it reaches the panel from inside the form's shadow root.
    $(el, '[data-field="title"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })
    );
    await flush();
    expect($(el, '[data-id="edit-form"]')).toBeNull();
    expect(close).not.toHaveBeenCalled();
  });

  it('Escape on a removal question closes it and goes back to the remove button', async () => {
    const el = mount();
    const close = listen(el, 'close');
    await flush();
    await click(el, '[data-remove="a02000000000001AAA"]');
    expect($(el, '[data-id="confirm-text"]')).not.toBeNull();
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    $(el, 'h2').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect($(el, '[data-id="confirm-text"]')).toBeNull();
    expect(focus.mock.contexts).toEqual([$(el, '[data-remove="a02000000000001AAA"]')]);
    expect(close).not.toHaveBeenCalled();
    focus.mockRestore();
  });

  it('closes an open form when another person is selected', async () => {
    const el = mount();
    await flush();
    await click(el, '[data-id="edit"]');
    el.person = load().people.find((p) => p.id === PAT)!;
    await flush();
    expect($(el, '[data-id="edit-form"]')).toBeNull();
    expect(textOf($(el, 'h2'))).toBe('Pat Kim');
    expect(root(el).activeElement).toBe($(el, 'h2'));
  });

  it('renders nothing without a person', async () => {
    const el = mount('nobody');
    await flush();
    expect(root(el).children.length).toBe(0);
  });
});

/** axe walks the panel and each part's shadow root: seconds on a busy 2-core machine (every test of this file may take that long). */
jest.setTimeout(20000);

describe('c-relationship-map-person-panel: accessibility', () => {
  it('is accessible with every field shown', async () => {
    const el = mount(MORGAN, { warmPaths: null });
    await flush();
    await expect(el).toBeAccessible();
  });

  it('is accessible with the forms open and an error shown', async () => {
    const el = mount();
    await flush();
    await click(el, '[data-id="add-link"]');
    await click(el, '[data-id="link-submit"]');
    await expect(el).toBeAccessible();
    await click(el, '[data-id="edit"]');
    await change(el, '[data-field="role"]', { value: 'Nope' });
    await click(el, '[data-id="edit-save"]');
    await expect(el).toBeAccessible();
  });

  it('is accessible read-only, with warm paths and a pending removal', async () => {
    const data = load();
    const map = prepareMap({ people: data.people, links: data.links }, { now: '2025-03-10T00:00:00Z' });
    const warm = findWarmPaths(map).find((p) => p.decisionMakerId === MORGAN)!;
    const readOnly = mount(MORGAN, { readOnly: true, warmPaths: warm });
    await flush();
    await expect(readOnly).toBeAccessible();
    const el = mount();
    await flush();
    await click(el, '[data-remove="a02000000000001AAA"]');
    await expect(el).toBeAccessible();
  });
});

describe('c-relationship-map-person-panel: the top and folding sections', () => {
  /** sfdx-lwc-jest gives `@salesforce/user/Id` this value. */
  const USER_KEY = 'relationshipMap.personPanel.closedSections.005000000000000000';

  beforeEach(() => window.localStorage.clear());

  it('starts with the name, then the stance in one tap, then Edit, Log call, Add link and the slot for Trim', async () => {
    const el = mount();
    await flush();
    const top = $(el, '[data-id="top"]');
    const heading = $(el, '[data-id="heading"]');
    expect(heading.title).toBe('Morgan Lee');
    // The heading comes before the top, and the top before the first section.
    expect(heading.compareDocumentPosition(top) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(top.compareDocumentPosition($(el, 'section[data-group]')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(top.querySelector('[data-id="stance-buttons"]')).not.toBeNull();
    const row = top.querySelector('[data-id="actions"]')!;
    expect(Array.from(row.children).map((c) => c.getAttribute('data-id') ?? c.tagName.toLowerCase())).toEqual([
      'edit',
      'log-call',
      'add-link',
      'slot',
    ]);
    expect(row.querySelector('slot')!.getAttribute('name')).toBe('actions');
  });

  it('folds a section on its button, says so with aria-expanded, and remembers it for this user', async () => {
    const el = mount();
    await flush();
    const toggle = () => $(el, 'button[data-section="drivers"]');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(shown(el, 'personalGoals')).toBe('Wants to be seen as the CFO who cut tool sprawl.');

    await click(el, 'button[data-section="drivers"]');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect($(el, 'dd[data-field="personalGoals"]')).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(USER_KEY)!)).toEqual(['drivers']);

    // Another panel (a reload, another person) opens with the section folded.
    document.body.removeChild(el);
    const again = mount(PAT);
    await flush();
    expect($(again, 'button[data-section="drivers"]').getAttribute('aria-expanded')).toBe('false');
    expect($(again, 'dd[data-field="personalGoals"]')).toBeNull();
    expect(shown(again, 'role')).not.toBe('');

    await click(again, 'button[data-section="drivers"]');
    expect(JSON.parse(window.localStorage.getItem(USER_KEY)!)).toEqual([]);
    expect($(again, 'dd[data-field="personalGoals"]')).not.toBeNull();
  });

  it('opens a folded Links section when the rep asks to add a link', async () => {
    const el = mount();
    await flush();
    await click(el, 'button[data-section="links"]');
    expect($(el, 'c-relationship-map-person-links')).toBeNull();
    await click(el, '[data-id="add-link"]');
    expect($(el, 'c-relationship-map-person-links')).not.toBeNull();
    expect($(el, 'c-relationship-map-person-link-form')).not.toBeNull();
    expect($(el, 'button[data-section="links"]').getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps working when the browser refuses storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    const el = mount();
    await flush();
    await click(el, 'button[data-section="changes"]');
    expect($(el, 'button[data-section="changes"]').getAttribute('aria-expanded')).toBe('false');
    expect($(el, 'c-relationship-map-person-changes')).toBeNull();
    setItem.mockRestore();
  });

  it('is accessible with sections folded', async () => {
    const el = mount();
    await flush();
    await click(el, 'button[data-section="person"]');
    await click(el, 'button[data-section="links"]');
    await expect(el).toBeAccessible();
  });
});
