/**
 * What the activity evidence suggests (docs/map-component.md): one quiet line at the end of the
 * decision makers' line, "Activity suggests 2 links and 3 people", closed by default (the graph
 * stays above the fold), that opens into the suggestions: a Relationship link between two people on the map
 * (**Add link**) or a person to add (**Add to map**), each with **Dismiss**. The sentences are the
 * analytics' (c/relationshipGraph, evidence.ts). Read-only, nothing is offered. A failed evidence
 * load is one quiet line with **Try again**, never in the map's way.
 *
 * Events (not bubbling): `acceptsuggestion` `{ key }`, `dismisssuggestion` `{ key }`, `retry`.
 */
import { LightningElement, api } from 'lwc';
import type { LinkSuggestion, MapPerson, PersonSuggestion } from 'c/relationshipGraph';
import { focusPending } from 'c/relationshipMapFocus';
import { plural } from 'c/relationshipMapFormat';

/** `acceptsuggestion` / `dismisssuggestion` detail: the suggestion's key. */
export interface SuggestionDetail {
  key: string;
}

/** The suggestions to show (the container leaves out those dismissed or on their way). */
export interface SuggestionLists {
  links: readonly LinkSuggestion[];
  people: readonly PersonSuggestion[];
}

/** One suggestion as the template draws it. */
export interface SuggestionRow {
  key: string;
  sentence: string;
  acceptText: string;
  /** The buttons' accessible names, with the people's names. */
  acceptLabel: string;
  dismissLabel: string;
  /** Its two buttons, in order: accept, then dismiss. */
  actions: SuggestionAction[];
}

/** A suggestion's button: `action` is its data-action (accept or dismiss). */
export interface SuggestionAction {
  action: 'accept' | 'dismiss';
  text: string;
  label: string;
}

const withActions = (row: Omit<SuggestionRow, 'actions'>): SuggestionRow => ({
  ...row,
  actions: [
    { action: 'accept', text: row.acceptText, label: row.acceptLabel },
    { action: 'dismiss', text: 'Dismiss', label: row.dismissLabel },
  ],
});

const TOGGLE = '[data-id="suggestions-toggle"]';

/** The rows: links first (between people already on the map), then people to add. */
export function suggestionRows(lists: SuggestionLists | null, people: readonly MapPerson[]): SuggestionRow[] {
  if (!lists) return [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const links = lists.links.map((s) => {
    const between = `${names.get(s.ourPersonId) ?? 'our person'} and ${names.get(s.theirPersonId) ?? 'their person'}`;
    return withActions({
      key: s.key,
      sentence: s.sentence,
      acceptText: 'Add link',
      acceptLabel: `Add link between ${between}`,
      dismissLabel: `Dismiss the link suggestion for ${between}`,
    });
  });
  const toAdd = lists.people.map((s) =>
    withActions({
      key: s.key,
      sentence: s.sentence,
      acceptText: 'Add to map',
      acceptLabel: `Add to map: ${s.name}`,
      dismissLabel: `Dismiss the suggestion to add ${s.name}`,
    })
  );
  return [...links, ...toAdd];
}

/** "Activity suggests 2 links and 3 people" (either part left out at zero). */
export function suggestionsHeadline(lists: SuggestionLists | null): string {
  const parts: string[] = [];
  if (lists?.links.length) parts.push(plural(lists.links.length, 'link', 'links'));
  if (lists?.people.length) parts.push(plural(lists.people.length, 'person', 'people'));
  return parts.length ? `Activity suggests ${parts.join(' and ')}` : '';
}

export default class RelationshipMapSuggestions extends LightningElement {
  /** Everyone on the map: the names in the buttons' accessible names. */
  @api people: MapPerson[] = [];
  /** Show nothing to act on (the user may not edit the map). */
  @api readOnly = false;
  /** Loading the evidence failed: why (the line says so, with Try again). */
  @api error = '';

  private lists: SuggestionLists | null = null;
  expanded = false;
  private pendingFocus: string | null = null;

  /** The open suggestions (`vm.suggestions` of the container). */
  @api
  get suggestions(): SuggestionLists | null {
    return this.lists;
  }
  set suggestions(value: SuggestionLists | null) {
    this.lists = value ?? null;
  }

  renderedCallback(): void {
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
  }

  get rows(): SuggestionRow[] {
    return this.readOnly ? [] : suggestionRows(this.lists, this.people ?? []);
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get hasError(): boolean {
    return !!this.error;
  }

  /** Nothing at all without suggestions or a failure: no empty line on the tab. */
  get show(): boolean {
    return this.hasRows || this.hasError;
  }

  get headline(): string {
    return this.readOnly ? '' : suggestionsHeadline(this.lists);
  }

  get showList(): boolean {
    return this.expanded && this.hasRows;
  }

  get expandedText(): string {
    return this.expanded ? 'true' : 'false';
  }

  get toggleIcon(): string {
    return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  handleToggle(): void {
    this.expanded = !this.expanded;
    // Open, the strip takes the whole width of the row it shares with the decision makers.
    this.classList.toggle('rm-sg_open', this.expanded);
  }

  /** Add link / Add to map (`data-action="accept"`) or Dismiss. */
  handleAction(event: Event): void {
    const action = (event.currentTarget as HTMLElement | null)?.dataset.action;
    this.fire(action === 'accept' ? 'acceptsuggestion' : 'dismisssuggestion', event);
  }

  handleRetry(): void {
    this.dispatchEvent(new CustomEvent('retry', { bubbles: false, composed: false }));
  }

  /** The row leaves the list: focus goes to the next row's first button, or back to the toggle. */
  private fire(name: string, event: Event): void {
    const key = (event.currentTarget as HTMLElement | null)?.dataset.key;
    if (!key) return;
    const rows = this.rows;
    const next = rows[rows.findIndex((r) => r.key === key) + 1];
    this.pendingFocus = next ? `button[data-key="${next.key}"]` : TOGGLE;
    this.dispatchEvent(new CustomEvent<SuggestionDetail>(name, { detail: { key }, bubbles: false, composed: false }));
  }
}
