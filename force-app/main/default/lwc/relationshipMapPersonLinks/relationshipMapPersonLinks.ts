/**
 * The selected person's links in the person panel: from them to others, then from others to them,
 * each as a sentence ("Pat Kim reports to Morgan Lee") with the other person, type, strength and
 * notes; for those who may edit, a remove button and its confirmation. The panel owns which link
 * waits for "Yes" (`confirmingId`). Events up: `askremove` `{ linkId }`, `cancelremove`,
 * `removelink` `{ linkId }` (the panel's own event, after "Yes"). It moves focus itself: to "No"
 * when the question opens and back to the remove button after "No"; `focusRemove(linkId)` does the
 * latter for the panel (Escape).
 */
import { LightningElement, api } from 'lwc';
import { focusPending } from 'c/relationshipMapFocus';
import type { InfluenceLink, LinkStrength, LinkType, MapPerson } from 'c/relationshipGraph';
import { LINK_SENTENCES, blank } from 'c/relationshipMapPersonFields';

/** `removelink`, after the user confirmed. */
export interface RemoveLinkDetail {
  linkId: string;
}

export default class RelationshipMapPersonLinks extends LightningElement {
  /** The selected person. */
  @api person: MapPerson | null = null;
  /** Everyone on the map: the names at the other end. */
  @api people: MapPerson[] = [];
  /** All links of the map; this lists the person's. */
  @api links: InfluenceLink[] = [];
  /** Offer removal. */
  @api canEdit = false;
  /** The link whose removal waits for "Yes". */
  @api confirmingId: string | null = null;

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
        return {
          id: l.id,
          otherName,
          meta: `${otherName} · ${type} · ${strength}`,
          sentence,
          type,
          strength,
          notes: l.notes ?? '',
          hasNotes: !blank(l.notes),
          confirming: this.confirmingId === l.id,
          removeLabel: `Remove link: ${sentence}`,
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

  handleRemoveLink(event: Event): void {
    const linkId = (event.currentTarget as HTMLElement).dataset.remove;
    if (!this.canEdit || !linkId) return;
    this.pendingFocus = '[data-id="confirm-no"]';
    this.dispatchEvent(new CustomEvent('askremove', { detail: { linkId } }));
  }

  handleConfirmRemove(): void {
    const linkId = this.confirmingId;
    if (linkId === null || !this.canEdit) return;
    this.dispatchEvent(new CustomEvent<RemoveLinkDetail>('removelink', { detail: { linkId } }));
  }

  handleCancelRemove(): void {
    if (this.confirmingId !== null) this.focusRemove(this.confirmingId);
    this.dispatchEvent(new CustomEvent('cancelremove'));
  }
}
