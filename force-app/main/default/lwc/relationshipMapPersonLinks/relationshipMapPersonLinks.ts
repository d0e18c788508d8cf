/**
 * The selected person's links in the person panel: from them to others, then from others to them,
 * each as a sentence ("Pat Kim reports to Morgan Lee") with the other person, type, strength and
 * notes. Only what the user may do is offered: for those who may edit, "Change" opens a small form
 * in place for the link's type and strength; for those who may also delete links (`canDelete`: the
 * Relationship Maps Admin permission set), a remove button and its confirmation. The panel owns
 * which link waits for "Yes" (`confirmingId`); this part owns which link is being changed. Events
 * up: `askremove` `{ linkId }`, `cancelremove`, `removelink` `{ linkId }` (the panel's own event,
 * after "Yes"), and `updatelink` (`UpdateLinkDetail`; bubbles and is composed, so it reaches the
 * container through the panel). It moves focus itself: to "No" when the question opens and back to
 * the remove button after "No" (`focusRemove(linkId)` does the latter for the panel: Escape); to
 * the type when a change opens and back to "Change" when it closes.
 */
import { LightningElement, api } from 'lwc';
import { focusPending } from 'c/relationshipMapFocus';
import { LINK_STRENGTHS, LINK_TYPES } from 'c/relationshipGraph';
import type { InfluenceLink, LinkStrength, LinkType, MapPerson } from 'c/relationshipGraph';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import { LINK_SENTENCES, blank, isOneOf, options } from 'c/relationshipMapPersonFields';
import type { ChangeEvent, Option } from 'c/relationshipMapPersonFields';
import type { ButtonActionEvent, ButtonSpec } from 'c/relationshipMapButtons';

/** `removelink`, after the user confirmed. */
export interface RemoveLinkDetail {
  linkId: string;
}

/** `updatelink`: the link's new type and strength (its ends and notes stay). */
export interface UpdateLinkDetail {
  linkId: string;
  type: LinkType;
  strength: LinkStrength;
}

/** A link's icon button: Change (`changeId`) or Remove (`removeId`). */
interface LinkTool {
  key: string;
  iconName: string;
  label: string;
  changeId: string | null;
  removeId: string | null;
}

export default class RelationshipMapPersonLinks extends LightningElement {
  /** The selected person. */
  @api person: MapPerson | null = null;
  /** Everyone on the map: the names at the other end. */
  @api people: MapPerson[] = [];
  /** All links of the map; this lists the person's. */
  @api links: InfluenceLink[] = [];
  /** Offer changing a link's type and strength. */
  @api canEdit = false;
  /** Offer removal too (deleting links needs the Relationship Maps Admin permission set). */
  @api canDelete = false;
  /** The link whose removal waits for "Yes". */
  @api confirmingId: string | null = null;

  /** The link being changed, and its draft. */
  editingId: string | null = null;
  editDraft: { type: string; strength: string } = { type: '', strength: '' };
  editError = '';

  private pendingFocus: string | null = null;

  renderedCallback(): void {
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
  }

  /** Moves focus to the remove button of a link (after its question was closed). */
  @api
  focusRemove(linkId: string): void {
    this.pendingFocus = `[data-remove="${linkId}"]`;
  }

  private linkRows(outgoing: boolean) {
    const p = this.person;
    if (!p) return [];
    const byId = new Map((this.people ?? []).map((person) => [person.id, person]));
    const nameOf = (id: string | null): string => {
      if (id === p.id) return p.name;
      return byId.get(id ?? '')?.name ?? 'someone no longer on the map';
    };
    return (this.links ?? [])
      .filter((l) => (outgoing ? l.fromId === p.id : l.toId === p.id && l.fromId !== p.id))
      .map((l) => {
        const type: LinkType = l.type ?? 'Influences';
        const strength: LinkStrength = l.strength ?? 'Medium';
        const otherName = nameOf(outgoing ? l.toId : l.fromId);
        const sentence = LINK_SENTENCES[type](nameOf(l.fromId), nameOf(l.toId));
        const changeLabel = `Change link: ${sentence}`;
        const removeLabel = `Remove link: ${sentence}`;
        // Change, then Remove for those who may delete links: icon buttons named by the sentence.
        const tools: LinkTool[] = [
          { key: 'change', iconName: 'utility:edit', label: changeLabel, changeId: l.id, removeId: null },
        ];
        if (this.canDelete)
          tools.push({ key: 'remove', iconName: 'utility:delete', label: removeLabel, changeId: null, removeId: l.id });
        return {
          id: l.id,
          otherName,
          meta: `${otherName} · ${type} · ${strength}`,
          sentence,
          type,
          strength,
          notes: l.notes ?? '',
          hasNotes: !blank(l.notes),
          confirming: this.canEdit && this.canDelete && this.confirmingId === l.id,
          editing: this.canEdit && this.editingId === l.id,
          removeLabel,
          changeLabel,
          tools,
          confirmText: `Remove the link "${sentence}"?`,
        };
      });
  }

  /** Links from this person, then links to them: one list template serves both. */
  get linkGroups() {
    const name = this.person?.name ?? '';
    return [
      { key: 'outgoing', heading: `From ${name} to others`, links: this.linkRows(true), emptyId: 'no-outgoing' },
      { key: 'incoming', heading: `From others to ${name}`, links: this.linkRows(false), emptyId: 'no-incoming' },
    ].map((group) => ({ ...group, hasLinks: group.links.length > 0 }));
  }

  /** The change form's two pickers, type then strength: each combobox's properties. */
  get editFields(): { key: 'type' | 'strength'; control: { label: string; value: string; options: Option[] } }[] {
    return [
      { key: 'type', control: { label: 'Type', value: this.editDraft.type, options: this.typeOptions } },
      {
        key: 'strength',
        control: { label: 'Strength', value: this.editDraft.strength, options: this.strengthOptions },
      },
    ];
  }

  readonly editButtons: ButtonSpec[] = [
    { id: 'link-edit-cancel', label: 'Cancel' },
    { id: 'link-edit-save', label: 'Save', variant: 'brand' },
  ];

  readonly confirmButtons: ButtonSpec[] = [
    { id: 'confirm-yes', label: 'Yes, remove', variant: 'destructive' },
    { id: 'confirm-no', label: 'No' },
  ];

  /** Cancel/Save of the change form and Yes/No of the removal question. */
  handleAction(event: ButtonActionEvent): void {
    const handlers: Record<string, () => void> = {
      'link-edit-cancel': () => this.handleCancelChange(),
      'link-edit-save': () => this.handleSaveChange(),
      'confirm-yes': () => this.handleConfirmRemove(),
      'confirm-no': () => this.handleCancelRemove(),
    };
    handlers[event.detail]?.();
  }

  /** A link's Change or Remove icon (the one it carries says which). */
  handleLinkTool(event: Event): void {
    if ((event.currentTarget as HTMLElement).dataset.change) this.handleStartChange(event);
    else this.handleRemoveLink(event);
  }

  get typeOptions(): Option[] {
    return LINK_TYPES.map((t) => ({ label: `${t}: ${LINK_STYLES[t].description}`, value: t }));
  }

  get strengthOptions(): Option[] {
    return options(LINK_STRENGTHS);
  }

  handleStartChange(event: Event): void {
    const linkId = (event.currentTarget as HTMLElement).dataset.change;
    const link = (this.links ?? []).find((l) => l.id === linkId);
    if (!this.canEdit || !link) return;
    this.editingId = link.id;
    this.editDraft = { type: link.type ?? 'Influences', strength: link.strength ?? 'Medium' };
    this.editError = '';
    this.pendingFocus = '[data-edit-field="type"]';
  }

  handleEditChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.editField;
    const value = event.detail?.value;
    if (key !== 'type' && key !== 'strength') return;
    this.editDraft = { ...this.editDraft, [key]: typeof value === 'string' ? value : '' };
    this.editError = '';
  }

  handleCancelChange(): void {
    if (this.editingId !== null) this.pendingFocus = `[data-change="${this.editingId}"]`;
    this.editingId = null;
    this.editError = '';
  }

  /** Why the draft cannot be saved, or null: a known type and strength, not a copy of another link. */
  private changeProblem(link: InfluenceLink, type: string, strength: string): string | null {
    if (!isOneOf(LINK_TYPES, type)) return `Type: "${type}" is not one of ${LINK_TYPES.join(', ')}.`;
    if (!isOneOf(LINK_STRENGTHS, strength))
      return `Strength: "${strength}" is not one of ${LINK_STRENGTHS.join(', ')}.`;
    // Same ends and type as another link: the server's unique key (undirected types both ways).
    const undirected = !LINK_STYLES[type].arrow;
    const twin = (this.links ?? []).find(
      (l) =>
        l.id !== link.id &&
        (l.type ?? 'Influences') === type &&
        ((l.fromId === link.fromId && l.toId === link.toId) ||
          (undirected && l.fromId === link.toId && l.toId === link.fromId))
    );
    return twin ? 'These two people already have a link of this type. Choose another type, or remove that link.' : null;
  }

  handleSaveChange(event?: Event): void {
    event?.preventDefault();
    const link = (this.links ?? []).find((l) => l.id === this.editingId);
    if (!this.canEdit || !link) return;
    const { type, strength } = this.editDraft;
    const problem = this.changeProblem(link, type, strength);
    if (problem !== null || !isOneOf(LINK_TYPES, type) || !isOneOf(LINK_STRENGTHS, strength)) {
      this.editError = problem ?? '';
      this.pendingFocus = '[data-id="link-edit-error"]';
      return;
    }
    this.handleCancelChange();
    if (type === (link.type ?? 'Influences') && strength === (link.strength ?? 'Medium')) return;
    this.dispatchEvent(
      new CustomEvent<UpdateLinkDetail>('updatelink', {
        detail: { linkId: link.id, type, strength },
        bubbles: true,
        composed: true,
      })
    );
  }

  handleRemoveLink(event: Event): void {
    const linkId = (event.currentTarget as HTMLElement).dataset.remove;
    if (!this.canEdit || !this.canDelete || !linkId) return;
    this.pendingFocus = '[data-id="confirm-no"]';
    this.dispatchEvent(new CustomEvent('askremove', { detail: { linkId } }));
  }

  handleConfirmRemove(): void {
    const linkId = this.confirmingId;
    if (linkId === null || !this.canEdit || !this.canDelete) return;
    this.dispatchEvent(new CustomEvent<RemoveLinkDetail>('removelink', { detail: { linkId } }));
  }

  handleCancelRemove(): void {
    if (this.confirmingId !== null) this.focusRemove(this.confirmingId);
    this.dispatchEvent(new CustomEvent('cancelremove'));
  }
}
