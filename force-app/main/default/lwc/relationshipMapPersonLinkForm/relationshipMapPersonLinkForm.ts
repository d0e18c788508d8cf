/**
 * The person panel's "Add a link" form: the other person, the direction, type, strength and
 * notes, checked before anything is sent (not to themselves, someone on the map and not trimmed
 * from it, a known type and strength, not a link that already exists). The panel opens and closes it; the form owns the
 * draft. Events up: `addlink` (`AddLinkDetail`, the panel's own event) and `cancel`. It moves focus
 * itself: to the first field when it opens, to the problem when the link cannot be added.
 */
import { LightningElement, api } from 'lwc';
import { focusPendingInForm, picklistField } from 'c/relationshipMapForm';
import type { FieldSpec } from 'c/relationshipMapForm';
import { LINK_STRENGTHS, LINK_TYPES } from 'c/relationshipGraph';
import type { InfluenceLink, LinkStrength, LinkType, MapPerson } from 'c/relationshipGraph';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import { panelFormBox, runFormAction } from 'c/relationshipMapFormBox';
import type { FormAction, FormBoxSpec } from 'c/relationshipMapFormBox';
import { LINK_HELP, LINK_SENTENCES, blank, isOneOf, options } from 'c/relationshipMapPersonFields';
import type { Option } from 'c/relationshipMapPersonFields';

/** `addlink`: From influences To, in the way the type says. */
export interface AddLinkDetail {
  fromId: string;
  toId: string;
  type: LinkType;
  strength: LinkStrength;
  /** null when the user wrote none. */
  notes: string | null;
}

/** The draft: the other person, type, strength, notes, and which end the selected person is ('from' or 'to'). */
type LinkDraft = Record<'targetId' | 'type' | 'strength' | 'direction' | 'notes', string>;

export default class RelationshipMapPersonLinkForm extends LightningElement {
  /** The selected person: one end of the new link. */
  @api person: MapPerson | null = null;
  /** Everyone on the map: the other end (trimmed people are not offered). */
  @api people: MapPerson[] = [];
  /** All links of the map: a new link must not repeat one. */
  @api links: InfluenceLink[] = [];

  draft: LinkDraft = { targetId: '', type: 'Influences', strength: 'Medium', direction: 'from', notes: '' };
  error = '';

  private pendingFocus: string | null = '[data-field]';

  renderedCallback(): void {
    this.pendingFocus = focusPendingInForm(this.template, this.pendingFocus);
  }

  private get name(): string {
    return this.person?.name ?? '';
  }

  get targetOptions(): Option[] {
    const p = this.person;
    return (this.people ?? [])
      .filter((person) => person.id !== p?.id && person.excluded !== true)
      .map((person) => ({
        label: blank(person.title) ? person.name : `${person.name} (${person.title})`,
        value: person.id,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  /** The other person, the direction, type, strength and notes. */
  get fields(): FieldSpec[] {
    const d = this.draft;
    const name = this.name;
    const directions: Option[] = [
      { label: `From ${name} to the other person`, value: 'from' },
      { label: `From the other person to ${name}`, value: 'to' },
    ];
    const types = LINK_TYPES.map((t) => ({ label: `${t}: ${LINK_STYLES[t].description}`, value: t }));
    const target = picklistField('targetId', 'Other person', d.targetId, this.targetOptions, LINK_HELP.target);
    return [
      { ...target, placeholder: 'Choose someone on this map', required: true },
      { key: 'direction', kind: 'radio', label: 'Direction', value: d.direction, options: directions },
      picklistField('type', 'Type', d.type, types, LINK_HELP.type),
      picklistField('strength', 'Strength', d.strength, options(LINK_STRENGTHS), LINK_HELP.strength),
      { key: 'notes', kind: 'longtext', label: 'Notes', value: d.notes, help: LINK_HELP.notes },
    ];
  }

  /** The form's body: heading (an h4: the form sits in the Links section), the fields, the footer with the error. */
  get box(): FormBoxSpec {
    const box = panelFormBox('link', 'Add a link', 'Add link', 'slds-m-top_small');
    return { ...box, heading: 'Add a link', subHeading: true, fields: this.fields, error: this.error };
  }

  handleAction(event: CustomEvent<FormAction>): void {
    runFormAction(this, event.detail);
  }

  /** Why the draft link cannot be added, or null. */
  private linkProblem(p: MapPerson, draft: LinkDraft): string | null {
    if (draft.targetId === '') return 'Choose the other person.';
    if (draft.targetId === p.id) return `A link needs two people: ${p.name} cannot be linked to themselves.`;
    const other = (this.people ?? []).find((person) => person.id === draft.targetId);
    if (!other) return 'Choose someone who is on this map.';
    // Trimmed while the form was open: the map hides them, so a link to them would not show.
    if (other.excluded === true)
      return `${other.name} is trimmed from this map. Restore them first, or choose someone else.`;
    if (!isOneOf(LINK_TYPES, draft.type)) return `Type: "${draft.type}" is not one of ${LINK_TYPES.join(', ')}.`;
    if (!isOneOf(LINK_STRENGTHS, draft.strength))
      return `Strength: "${draft.strength}" is not one of ${LINK_STRENGTHS.join(', ')}.`;
    if (draft.direction !== 'from' && draft.direction !== 'to') return 'Choose the direction of the link.';
    const [fromId, toId] = draft.direction === 'from' ? [p.id, other.id] : [other.id, p.id];
    // Same ends and type: the server's unique key (from:to:type). Links without an arrow read
    // the same both ways, so the reverse is a duplicate too.
    const undirected = !LINK_STYLES[draft.type].arrow;
    const duplicate = (this.links ?? []).find(
      (l) =>
        (l.type ?? 'Influences') === draft.type &&
        ((l.fromId === fromId && l.toId === toId) || (undirected && l.fromId === toId && l.toId === fromId))
    );
    if (duplicate) {
      const from = fromId === p.id ? p.name : other.name;
      const to = toId === p.id ? p.name : other.name;
      return `This link already exists: ${LINK_SENTENCES[draft.type](from, to)}.`;
    }
    return null;
  }

  submit(): void {
    const p = this.person;
    if (!p) return;
    const draft = this.draft;
    const problem = this.linkProblem(p, draft);
    if (problem) {
      this.error = problem;
      this.pendingFocus = '[data-id="link-error"]';
      return;
    }
    const from = draft.direction === 'from';
    const detail: AddLinkDetail = {
      fromId: from ? p.id : draft.targetId,
      toId: from ? draft.targetId : p.id,
      type: draft.type as LinkType,
      strength: draft.strength as LinkStrength,
      notes: blank(draft.notes) ? null : draft.notes.trim(),
    };
    this.dispatchEvent(new CustomEvent<AddLinkDetail>('addlink', { detail }));
  }
}
