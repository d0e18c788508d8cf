/** What the forms share: draft changes, the limit counter, picklists, and focus into a form's parts. */
import {
  changedValue,
  focusPendingInForm,
  formFocusIs,
  limitView,
  picklistField,
  withChange,
} from 'c/relationshipMapForm';

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

/** A stand-in for a form part: it focuses the buttons inside it and tells which of them has the focus. */
function part(...ids: string[]): HTMLElement {
  const el = document.createElement('c-relationship-map-form-footer');
  for (const id of ids) el.appendChild(document.createElement('button')).setAttribute('data-id', id);
  const focusOn = (s: string) => Boolean(el.querySelector<HTMLElement>(s)?.focus() ?? el.querySelector(s));
  const holdsFocus = (s: string) => el.contains(document.activeElement) && document.activeElement!.matches(s);
  return Object.assign(el, { focusOn, holdsFocus });
}

describe('c/relationshipMapForm', () => {
  it('reads a change as text, blank or a checkbox state, and puts it in the draft', () => {
    expect(changedValue('text', { value: 'Call' })).toBe('Call');
    expect(changedValue('picklist', { value: 7 })).toBe('');
    expect(changedValue('checkbox', { checked: true })).toBe(true);
    expect(changedValue('checkbox', null)).toBe(false);
    const draft = { subject: 'Call', stance: 'Neutral' };
    expect(withChange(draft, { key: 'stance', value: 'Champion' })).toEqual({ subject: 'Call', stance: 'Champion' });
    expect(draft.stance).toBe('Neutral');
  });

  it('counts a text against its limit, weak below it and an error past it', () => {
    expect(limitView('Subject', 'abc', 5)).toEqual({
      counter: '3 / 5 characters',
      message: '',
      className: 'slds-text-body_small rm-limit slds-text-color_weak',
    });
    expect(limitView('Subject', 'abcdefg', 5).className).toContain('slds-text-color_error');
    expect(limitView('Subject', 'abcdefg', 5).message).toBe(
      'Subject is 2 characters over its limit of 5: shorten it to save.'
    );
  });

  it('describes a picklist with its options and help', () => {
    const options = [{ label: 'High', value: 'High' }];
    expect(picklistField('strength', 'Strength', 'High', options, 'How strongly.')).toEqual({
      key: 'strength',
      kind: 'picklist',
      label: 'Strength',
      value: 'High',
      options,
      help: 'How strongly.',
    });
  });

  it("focuses an element in the form's own template, else inside its parts, else waits", () => {
    const root = document.createElement('div');
    const own = document.createElement('p');
    own.dataset.id = 'own';
    own.tabIndex = -1;
    root.append(own, part('a'), part('b'));
    document.body.appendChild(root);
    expect(focusPendingInForm(root, '[data-id="own"]')).toBeNull();
    expect(document.activeElement).toBe(own);
    expect(focusPendingInForm(root, '[data-id="b"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-id="b"]'));
    expect(formFocusIs(root, '[data-id="b"]')).toBe(true);
    expect(formFocusIs(root, '[data-id="a"]')).toBe(false);
    expect(focusPendingInForm(root, '[data-id="later"]')).toBe('[data-id="later"]');
    expect(focusPendingInForm(root, null)).toBeNull();
  });
});
