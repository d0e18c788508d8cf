/**
 * Detail panel for the person selected on the relationship map: every field of the person, grouped
 * as a rep thinks about them; stance and sentiment in one click; an Edit form for the rest; their
 * links (add, remove after a confirmation); recent changes; warm paths to a decision maker; "Log
 * call"; and a link to the Contact or User record.
 *
 * The panel's top is the person at a glance: name (title and side under it), the stance in one
 * tap, and one row of actions (Edit, Log call, Add link, then the container's Trim/Restore/Delete
 * in the `actions` slot). Below, every section folds; which ones a rep folded is remembered per
 * user (./sections.ts). The panel owns the header, the actions, the sections and which form or
 * question is open; its parts show a section's content or a form (c/relationshipMapPersonFieldGroup, -EditForm,
 * -CallForm, -Links, -LinkForm, -WarmPaths, -Changes; the field vocabulary is
 * c/relationshipMapPersonFields). Escape backs out of the innermost open step.
 *
 * The panel never calls Apex: it reports what the user asked for with events (see
 * docs/map-component.md) and shows what the container passes back. All events are dispatched with
 * `bubbles: false, composed: false`.
 */
import { LightningElement, api } from 'lwc';
import userId from '@salesforce/user/Id';
import { SENTIMENTS, STANCES } from 'c/relationshipGraph';
import type { DecisionMakerPaths, InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { PersonChange, PersonChanges } from 'c/relationshipMapApi';
import {
  EDITABLE_FIELDS,
  FIELD_GROUPS,
  blank,
  draftOf,
  effectiveValue,
  fieldInfo,
  isOneOf,
} from 'c/relationshipMapPersonFields';
import type { FieldKey } from 'c/relationshipMapPersonFields';
import type { EditSaveDetail, EditStart } from 'c/relationshipMapPersonEditForm';
import type { LogCallDetail } from 'c/relationshipMapPersonCallForm';
import type { AddLinkDetail } from 'c/relationshipMapPersonLinkForm';
import type { RemoveLinkDetail } from 'c/relationshipMapPersonLinks';
import type { ButtonSpec } from 'c/relationshipMapButtons';
import type { ChoiceSpec, ChooseDetail } from 'c/relationshipMapChoices';
import type { PersonActivity } from 'c/relationshipMapPersonActivity';
import { browserStorage, readClosedSections, sectionsKey, writeClosedSections } from './sections';

export type { AddLinkDetail, LogCallDetail, RemoveLinkDetail };

/**
 * `updateperson`: only the fields the user changed, with their new values (null clears a field).
 * `PersonChanges` (c/relationshipMapApi) is the part of `Partial<MapPerson>` a rep may change.
 */
export interface UpdatePersonDetail {
  personId: string;
  fields: PersonChanges;
}

/** Loading the person's long texts (the map load leaves them out): '' = loaded or not needed. */
export type DetailsStatus = '' | 'loading' | 'error';

/**
 * An edit the server refused because someone else changed the person meanwhile (`message` says
 * who and when). The panel reopens the edit form with the rep's values over the person's current
 * ones (`reloaded`: the container has loaded the other user's version), so nothing typed is lost.
 */
export interface RejectedEdit {
  personId: string;
  fields: PersonChanges;
  message: string;
  reloaded: boolean;
}

/** A section per group of fields (c/relationshipMapPersonFieldGroup shows its rows). */
const fieldGroups = FIELD_GROUPS.map((g) => ({ key: g.key, title: g.title, group: g.key, isStand: g.key === 'stand' }));

/** A foldable section's state for the template. */
interface SectionView {
  open: boolean;
  expanded: string;
  className: string;
}

/** One foldable section: what it shows (one flag set, or a field group) and its state. */
interface PanelSection extends SectionView {
  key: string;
  title: string;
  /** The field group it shows (`data-group`), or null. */
  group: string | null;
  /** `data-id` of the sections after the field groups, or null. */
  dataId: string | null;
  isStand: boolean;
  isLinks: boolean;
  isWarmPaths: boolean;
  isChanges: boolean;
  isActivity: boolean;
}

const NO_PART = {
  group: null,
  dataId: null,
  isStand: false,
  isLinks: false,
  isWarmPaths: false,
  isChanges: false,
  isActivity: false,
};

/** The part the panel moves focus into (Escape closes a removal question). */
type LinksPart = HTMLElement & { focusRemove(linkId: string): void };

export default class RelationshipMapPersonPanel extends LightningElement {
  /** Everyone on the map: link targets and the names in the link lists. */
  @api people: MapPerson[] = [];
  /** All links of the map; the panel shows the selected person's. */
  @api links: InfluenceLink[] = [];
  /** The selected person's recent changes (entries of other people are ignored). */
  @api changes: PersonChange[] = [];
  /** When the person is a decision maker: the ways our people can reach them. */
  @api warmPaths: DecisionMakerPaths | null = null;
  /** Show everything, edit nothing. */
  @api readOnly = false;
  /** Offer removing links (the Relationship Maps Admin permission set); passed to the links part. */
  @api canDeleteLinks = false;
  /** Whether the person's long texts are loading or failed to load (the container loads them). */
  @api detailsStatus: DetailsStatus = '';
  /** Why they failed to load, for the rep. */
  @api detailsError = '';
  /** What the account's calls, meetings and emails say about the person (c/relationshipMapPersonActivity); null = no section. */
  @api activity: PersonActivity | null = null;

  private currentPerson: MapPerson | null = null;
  /** The sections this user folded (remembered in the browser, per user). */
  private closedSections: Set<string> = readClosedSections(browserStorage(), sectionsKey(userId));
  private rejected: RejectedEdit | null = null;
  private rejectedShown = false;

  /** The selected person. Selecting someone else closes any open form. */
  @api
  get person(): MapPerson | null {
    return this.currentPerson;
  }
  set person(value: MapPerson | null) {
    if (value?.id !== this.currentPerson?.id) this.resetForms();
    this.currentPerson = value ?? null;
    this.reopenRejected();
  }

  /** An edit the server refused (someone changed the person meanwhile): reopened with the rep's values. */
  @api
  get rejectedEdit(): RejectedEdit | null {
    return this.rejected;
  }
  set rejectedEdit(value: RejectedEdit | null) {
    const fresh = value !== this.rejected;
    this.rejected = value ?? null;
    if (fresh) this.rejectedShown = false;
    this.reopenRejected();
  }

  private reopenRejected(): void {
    const rejected = this.rejected;
    const p = this.currentPerson;
    if (!rejected || this.rejectedShown || !p || rejected.personId !== p.id || this.readOnly) return;
    this.rejectedShown = true;
    const formFields = Object.keys(rejected.fields).filter((key) => EDITABLE_FIELDS.some((f) => f.key === key));
    if (formFields.length === 0 || p.hasDetails === false) return;
    const values = draftOf(p);
    for (const key of formFields) {
      const field = fieldInfo(key as FieldKey);
      const value = effectiveValue(field, (rejected.fields as Record<string, unknown>)[key]);
      values[field.key] = field.kind === 'checkbox' ? value : (value ?? '');
    }
    this.resetForms();
    this.editStart = {
      values,
      notice: `${rejected.message} Nothing of yours was saved: your changes are below, over what is saved now. Check them and save again.`,
    };
  }

  /** The open Edit form's starting point; null when it is closed. */
  editStart: EditStart | null = null;
  linkFormOpen = false;
  callFormOpen = false;
  /** The link whose removal waits for "Yes". */
  confirmRemoveId: string | null = null;

  /** The person the focus was last moved to (focus moves into the panel once per person). */
  private focusedPersonId: string | null = null;
  /** A selector to focus after the next render (e.g. the button that opened a closed form). */
  private pendingFocus: string | null = null;

  renderedCallback(): void {
    const id = this.currentPerson?.id ?? null;
    if (id === null) {
      this.focusedPersonId = null;
    } else if (id !== this.focusedPersonId) {
      this.focusedPersonId = id;
      this.focus('[data-id="heading"]');
    } else if (this.pendingFocus) {
      this.focus(this.pendingFocus);
    }
    this.pendingFocus = null;
  }

  private focus(selector: string): void {
    this.template?.querySelector<HTMLElement>(selector)?.focus();
  }

  private resetForms(): void {
    this.editStart = null;
    this.linkFormOpen = false;
    this.confirmRemoveId = null;
    this.callFormOpen = false;
  }

  private fire<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: false, composed: false }));
  }

  // ---------------------------------------------------------------- header

  get hasPerson(): boolean {
    return this.currentPerson !== null;
  }

  get name(): string {
    return this.currentPerson?.name ?? '';
  }

  get personId(): string | null {
    return this.currentPerson?.id ?? null;
  }

  get regionLabel(): string {
    return `Details of ${this.name}`;
  }

  get subtitle(): string {
    const p = this.currentPerson;
    if (!p) return '';
    return [p.title, p.side ?? 'Customer'].filter((s) => !blank(s)).join(' · ');
  }

  get canEdit(): boolean {
    return this.hasPerson && !this.readOnly;
  }

  /** The long texts are not here yet (the container is loading them, or failed to). */
  private get detailsMissing(): boolean {
    return this.currentPerson?.hasDetails === false;
  }

  get detailsLoading(): boolean {
    return this.detailsMissing && this.detailsStatus === 'loading';
  }

  get detailsFailed(): boolean {
    return this.detailsMissing && this.detailsStatus === 'error';
  }

  get detailsErrorText(): string {
    return `${this.name}'s notes could not be loaded: ${this.detailsError || 'try again.'}`;
  }

  /** Editing needs every field as saved, long texts included. */
  get editDisabled(): boolean {
    return this.detailsMissing;
  }

  handleRetryDetails(): void {
    this.fire('retrydetails', {});
  }

  get isVacant(): boolean {
    return this.currentPerson?.isVacant === true;
  }

  get stanceChip(): { letter: string; label: string; style: string; description: string } {
    const stance = stanceOf(this.currentPerson?.stance);
    const style = STANCE_STYLES[stance];
    return {
      letter: style.letter,
      label: stance,
      style: `background-color: ${style.color}; color: ${style.textColor};`,
      description: style.description,
    };
  }

  get badges(): { key: string; label: string; className: string }[] {
    const p = this.currentPerson;
    if (!p) return [];
    const badges: { key: string; label: string; className: string }[] = [];
    if (p.isDecisionMaker)
      badges.push({ key: 'dm', label: 'Decision maker', className: 'slds-badge slds-badge_inverse' });
    if (p.isPrimaryContact) badges.push({ key: 'primary', label: 'Primary contact', className: 'slds-badge' });
    if (p.isVacant) badges.push({ key: 'vacant', label: 'Left the company', className: 'slds-badge' });
    if (p.excluded) badges.push({ key: 'excluded', label: 'Excluded from the map', className: 'slds-badge' });
    return badges;
  }

  handleClose(): void {
    this.fire('close', {});
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    // Escape backs out of the innermost open step first; with nothing open it closes the panel.
    event.stopPropagation();
    if (this.confirmRemoveId !== null) {
      this.template?.querySelector<LinksPart>('c-relationship-map-person-links')?.focusRemove(this.confirmRemoveId);
      this.confirmRemoveId = null;
    } else if (this.editing) {
      this.handleCancelEdit();
    } else if (this.linkFormOpen) {
      this.handleCancelLink();
    } else if (this.callFormOpen) {
      this.handleCancelCall();
    } else {
      this.fire('close', {});
    }
  }

  // ---------------------------------------------------------------- fields, stance and sentiment

  /**
   * Every section, in order: the field groups (not while the Edit form stands in their place; the
   * Where They Stand one starts with the one-click choices), Links, Activity (when the container
   * passes it), Ways in (for a decision maker with warm paths), Recent changes. One template draws
   * them all.
   */
  get sections(): PanelSection[] {
    if (!this.currentPerson) return [];
    const parts = [
      ...(this.editing ? [] : fieldGroups),
      { key: 'links', title: 'Links', dataId: 'links', isLinks: true },
      ...(this.activity ? [{ key: 'activity', title: 'Activity', dataId: 'activity', isActivity: true }] : []),
      ...(this.showWarmPaths
        ? [{ key: 'warm-paths', title: `Ways in to ${this.name}`, dataId: 'warm-paths', isWarmPaths: true }]
        : []),
      { key: 'changes', title: 'Recent changes', dataId: 'changes', isChanges: true },
    ];
    return parts.map((part) => ({ ...NO_PART, ...part, ...this.sectionView(part.key) }));
  }

  /** What the links part and the link form both read (lwc:spread): the person, everyone, all links. */
  get linkContext() {
    return { person: this.currentPerson, people: this.people, links: this.links };
  }

  /** The links part's inputs (lwc:spread): the link context, what the user may do, the open question. */
  get linksPart() {
    return {
      ...this.linkContext,
      canEdit: this.canEdit,
      canDelete: this.canDeleteLinks,
      confirmingId: this.confirmRemoveId,
    };
  }

  // ---------------------------------------------------------------- folding sections

  private sectionView(key: string): SectionView {
    const open = !this.closedSections.has(key);
    return {
      open,
      expanded: String(open),
      className: `slds-section section${open ? ' slds-is-open' : ''}`,
    };
  }

  handleToggleSection(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.section;
    if (!key) return;
    this.setSectionOpen(key, this.closedSections.has(key));
  }

  private setSectionOpen(key: string, open: boolean): void {
    if (open === !this.closedSections.has(key)) return;
    const closed = new Set(this.closedSections);
    if (open) closed.delete(key);
    else closed.add(key);
    this.closedSections = closed;
    writeClosedSections(browserStorage(), sectionsKey(userId), closed);
  }

  /** Every stance as a one-click choice, the current one pressed, each with its letter and colour. */
  private get stanceChoices(): ChoiceSpec[] {
    const current = stanceOf(this.currentPerson?.stance);
    return STANCES.map((stance) => {
      const style = STANCE_STYLES[stance];
      const swatchStyle = `background-color: ${style.color}; color: ${style.textColor};`;
      return {
        value: stance,
        label: stance,
        pressed: stance === current,
        title: style.description,
        letter: style.letter,
        swatchStyle,
      };
    });
  }

  /** The stance in one tap, at the top (c-relationship-map-choices' properties). */
  get quickStance() {
    const group = { name: 'stance', label: 'Stance', groupId: 'stance-buttons', variant: 'compact' };
    return { ...group, heading: 'Stance', help: this.stanceHelp, choices: this.stanceChoices };
  }

  /**
   * Where They Stand starts with sentiment in one click; read-only, with the stance and the
   * sentiment as text (the top has no stance buttons then).
   */
  get standChoices() {
    const readOnly = this.readOnly;
    const value = this.sentimentDisplay;
    const choices = SENTIMENTS.map((s) => ({ value: s, label: s, pressed: s === value }));
    const group = { name: 'sentiment', label: 'Sentiment', groupId: 'sentiment-buttons', readOnly, value, choices };
    const sentiment = { ...group, heading: 'Sentiment', help: this.sentimentHelp };
    if (!readOnly) return [sentiment];
    const stance = { name: 'stance', readOnly, value: this.stanceChip.label, choices: this.stanceChoices };
    return [{ ...stance, heading: 'Stance', help: this.stanceHelp }, sentiment];
  }

  get stanceHelp(): string {
    return fieldInfo('stance').help;
  }

  get sentimentHelp(): string {
    return fieldInfo('sentiment').help;
  }

  get sentimentDisplay(): string {
    return this.currentPerson?.sentiment ?? 'Unknown';
  }

  /** One click on a stance or a sentiment: only that field goes up, and only when it changes. */
  handleChoose(event: CustomEvent<ChooseDetail>): void {
    const { name, value } = event.detail;
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    if (name === 'stance' && isOneOf(STANCES, value) && value !== stanceOf(p.stance))
      this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields: { stance: value } });
    if (name === 'sentiment' && isOneOf(SENTIMENTS, value) && value !== this.sentimentDisplay)
      this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields: { sentiment: value } });
  }

  // ---------------------------------------------------------------- edit form

  get editing(): boolean {
    return this.editStart !== null;
  }

  handleEdit(): void {
    const p = this.currentPerson;
    if (!p || this.readOnly || p.hasDetails === false) return;
    this.resetForms();
    this.editStart = { values: draftOf(p), notice: '' };
  }

  handleCancelEdit(): void {
    this.editStart = null;
    this.pendingFocus = '[data-id="edit"]';
  }

  handleSave(event: CustomEvent<EditSaveDetail>): void {
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    const { fields } = event.detail;
    this.handleCancelEdit();
    if (Object.keys(fields).length > 0) this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields });
  }

  // ---------------------------------------------------------------- links

  handleAskRemove(event: CustomEvent<RemoveLinkDetail>): void {
    if (this.readOnly) return;
    this.confirmRemoveId = event.detail.linkId;
  }

  handleCancelRemove(): void {
    this.confirmRemoveId = null;
  }

  handleRemoveLink(event: CustomEvent<RemoveLinkDetail>): void {
    this.confirmRemoveId = null;
    if (this.readOnly) return;
    this.pendingFocus = '[data-id="heading"]';
    this.fire<RemoveLinkDetail>('removelink', { linkId: event.detail.linkId });
  }

  handleAddLink(): void {
    if (!this.canEdit) return;
    this.resetForms();
    this.setSectionOpen('links', true);
    this.linkFormOpen = true;
  }

  handleCancelLink(): void {
    this.linkFormOpen = false;
    this.pendingFocus = '[data-id="add-link"]';
  }

  handleSubmitLink(event: CustomEvent<AddLinkDetail>): void {
    if (!this.currentPerson || this.readOnly) return;
    this.handleCancelLink();
    this.fire<AddLinkDetail>('addlink', event.detail);
  }

  // ---------------------------------------------------------------- warm paths

  get showWarmPaths(): boolean {
    const w = this.warmPaths;
    return !!w && !!this.currentPerson && (!w.decisionMakerId || w.decisionMakerId === this.currentPerson.id);
  }

  // ---------------------------------------------------------------- what if they leave

  /** "If <name> leaves": the container shows the answer beside the map (`whatif` { personId }). */
  get whatIfLabel(): string {
    return `If ${this.name} leaves`;
  }

  get whatIfButtons(): ButtonSpec[] {
    return [{ id: 'what-if', label: this.whatIfLabel, variant: 'base' }];
  }

  handleWhatIf(): void {
    if (this.currentPerson) this.fire('whatif', { personId: this.currentPerson.id });
  }

  // ---------------------------------------------------------------- log call

  handleLogCall(): void {
    if (!this.currentPerson || this.readOnly) return;
    this.resetForms();
    this.callFormOpen = true;
  }

  handleCancelCall(): void {
    this.callFormOpen = false;
    this.pendingFocus = '[data-id="log-call"]';
  }

  handleSubmitCall(event: CustomEvent<LogCallDetail>): void {
    if (!this.currentPerson || this.readOnly) return;
    this.handleCancelCall();
    this.fire<LogCallDetail>('logcall', event.detail);
  }
}
