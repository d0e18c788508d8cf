/**
 * Detail panel for the person selected on the relationship map: every field of the person, grouped
 * as a rep thinks about them; stance and sentiment in one click; an Edit form for the rest; their
 * links (add, remove after a confirmation); recent changes; warm paths to a decision maker; "Log
 * call"; and a link to the Contact or User record.
 *
 * The panel never calls Apex: it reports what the user asked for with events (see
 * docs/map-component.md) and shows what the container passes back. All events are dispatched with
 * `bubbles: false, composed: false`.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { LINK_STRENGTHS, LINK_TYPES, SENTIMENTS, STANCES } from 'c/relationshipGraph';
import type {
  DecisionMakerPaths,
  InfluenceLink,
  LinkStrength,
  LinkType,
  MapPerson,
  Sentiment,
  Stance,
} from 'c/relationshipGraph';
import { LINK_STYLES, STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { PersonChange, PersonChanges } from 'c/relationshipMapApi';
import { CALL_HELP, FIELD_GROUPS, LINK_HELP, effectiveValue, validationError } from './fields';
import type { DraftValue, FieldInfo, FieldKey } from './fields';

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

/** `addlink`: From influences To, in the way the type says. */
export interface AddLinkDetail {
  fromId: string;
  toId: string;
  type: LinkType;
  strength: LinkStrength;
  /** null when the user wrote none. */
  notes: string | null;
}

/** `removelink`, after the user confirmed. */
export interface RemoveLinkDetail {
  linkId: string;
}

/** `logcall`: a Task with the person's stance and sentiment after the call. */
export interface LogCallDetail {
  personId: string;
  subject: string;
  comments: string;
  stance: Stance;
  sentiment: Sentiment;
}

/** Which end of the new link the selected person is. */
type Direction = 'from' | 'to';

interface LinkDraft {
  targetId: string;
  type: string;
  strength: string;
  direction: string;
  notes: string;
}

interface CallDraft {
  subject: string;
  comments: string;
  stance: string;
  sentiment: string;
}

interface Option {
  label: string;
  value: string;
}

/** A base input component (lightning-input, -combobox, -textarea) as far as validation goes. */
type ValidatableElement = HTMLElement & {
  setCustomValidity?: (message: string) => void;
  reportValidity?: () => boolean;
};

/** A value the base components report in their `change` event. */
type ChangeEvent = CustomEvent<{ value?: unknown; checked?: unknown }>;

const NOT_SET = 'Not set';
/** Warm paths shown per decision maker. */
const MAX_PATHS = 3;
const DEFAULT_LINK: LinkDraft = { targetId: '', type: 'Influences', strength: 'Medium', direction: 'from', notes: '' };

/** "Pat reports to Morgan": how a link reads, From first. */
const LINK_SENTENCES: Readonly<Record<LinkType, (from: string, to: string) => string>> = {
  'Reports To': (from, to) => `${from} reports to ${to}`,
  Influences: (from, to) => `${from} influences ${to}`,
  Ally: (from, to) => `${from} and ${to} are allies`,
  Conflict: (from, to) => `${from} and ${to} are in conflict`,
  Relationship: (from, to) => `${from} has a personal tie to ${to}`,
};

const ALL_FIELDS: readonly FieldInfo[] = FIELD_GROUPS.flatMap((g) => g.fields);
const EDITABLE_FIELDS: readonly FieldInfo[] = ALL_FIELDS.filter((f) => f.editable);
const fieldInfo = (key: FieldKey): FieldInfo => ALL_FIELDS.find((f) => f.key === key)!;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

const options = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));

const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/**
 * Date formats in the Salesforce user's locale and time zone (their settings, not the browser's).
 * A locale or zone the browser's Intl does not know falls back to the browser's own.
 */
function userFormat(style: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(USER_LOCALE, style);
  } catch (_unknownLocaleOrZone) {
    return new Intl.DateTimeFormat(undefined, { ...style, timeZone: style.timeZone === 'UTC' ? 'UTC' : undefined });
  }
}

/** An ISO date (YYYY-MM-DD) as the user's locale writes it; a date has no time zone, so no shift. */
function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : userFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An ISO date-time in the user's locale and Salesforce time zone. */
function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : userFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: USER_TIME_ZONE }).format(d);
}

export default class RelationshipMapPersonPanel extends NavigationMixin(LightningElement) {
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
  /** Whether the person's long texts are loading or failed to load (the container loads them). */
  @api detailsStatus: DetailsStatus = '';
  /** Why they failed to load, for the rep. */
  @api detailsError = '';

  private currentPerson: MapPerson | null = null;
  private rejected: RejectedEdit | null = null;

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

  /** The refusal shown above the reopened edit form. */
  editNotice = '';
  private rejectedShown = false;

  private reopenRejected(): void {
    const rejected = this.rejected;
    const p = this.currentPerson;
    if (!rejected || this.rejectedShown || !p || rejected.personId !== p.id || this.readOnly) return;
    this.rejectedShown = true;
    const formFields = Object.keys(rejected.fields).filter((key) => EDITABLE_FIELDS.some((f) => f.key === key));
    if (formFields.length === 0 || p.hasDetails === false) return;
    this.openEditForm(p);
    const draft = { ...this.draft };
    for (const key of formFields) {
      const field = fieldInfo(key as FieldKey);
      const value = effectiveValue(field, (rejected.fields as Record<string, unknown>)[key]);
      draft[field.key] = field.kind === 'checkbox' ? value : (value ?? '');
    }
    this.draft = draft;
    this.editNotice = `${rejected.message} Nothing of yours was saved: your changes are below, over what is saved now. Check them and save again.`;
  }

  editing = false;
  draft: Partial<Record<FieldKey, DraftValue>> = {};
  editErrors: string[] = [];

  linkFormOpen = false;
  linkDraft: LinkDraft = { ...DEFAULT_LINK };
  linkError = '';

  /** The link whose removal waits for "Yes". */
  confirmRemoveId: string | null = null;

  callFormOpen = false;
  callDraft: CallDraft = { subject: '', comments: '', stance: '', sentiment: '' };
  callError = '';

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

  private query<T extends Element>(selector: string): T | null {
    return this.template?.querySelector<T>(selector) ?? null;
  }

  private focus(selector: string): void {
    this.query<HTMLElement>(selector)?.focus();
  }

  private resetForms(): void {
    this.editing = false;
    this.draft = {};
    this.editErrors = [];
    this.editNotice = '';
    this.linkFormOpen = false;
    this.linkDraft = { ...DEFAULT_LINK };
    this.linkError = '';
    this.confirmRemoveId = null;
    this.callFormOpen = false;
    this.callError = '';
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

  get regionLabel(): string {
    return `Details of ${this.name}`;
  }

  get editLabel(): string {
    return `Edit ${this.name}`;
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

  /** The Contact or User record to open, unless the seat is vacant. */
  private get recordTarget(): { recordId: string; objectApiName: 'Contact' | 'User' } | null {
    const p = this.currentPerson;
    if (!p || p.isVacant) return null;
    if (p.contactId) return { recordId: p.contactId, objectApiName: 'Contact' };
    if (p.userId) return { recordId: p.userId, objectApiName: 'User' };
    return null;
  }

  get hasRecordLink(): boolean {
    return this.recordTarget !== null;
  }

  get recordLinkLabel(): string {
    return this.recordTarget?.objectApiName === 'User' ? 'Open user record' : 'Open contact record';
  }

  get recordLinkTitle(): string {
    return `${this.recordLinkLabel}: ${this.name}`;
  }

  handleOpenRecord(): void {
    const target = this.recordTarget;
    if (!target) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: target.recordId, objectApiName: target.objectApiName, actionName: 'view' },
    });
  }

  handleClose(): void {
    this.fire('close', {});
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    // Escape backs out of the innermost open step first; with nothing open it closes the panel.
    event.stopPropagation();
    if (this.confirmRemoveId !== null) {
      this.pendingFocus = `[data-remove="${this.confirmRemoveId}"]`;
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

  // ---------------------------------------------------------------- fields

  get groups() {
    const p = this.currentPerson;
    if (!p) return [];
    return FIELD_GROUPS.map((group) => ({
      key: group.key,
      title: group.title,
      isStand: group.key === 'stand',
      isPlan: group.key === 'plan',
      rows: group.fields
        .filter((f) => f.key !== 'stance' && f.key !== 'sentiment' && f.key !== 'userId')
        .map((f) => this.row(p, f)),
    }));
  }

  private row(p: MapPerson, field: FieldInfo) {
    const base = {
      key: field.key,
      label: field.label,
      help: field.help,
      isRecord: false,
      isLongText: field.kind === 'longtext',
      isBlank: false,
      valueClass: field.kind === 'longtext' ? 'value long-text' : 'value',
    };
    if (field.key === 'contactId') {
      // One row for the Contact or User lookup: a link, or why there is none.
      const text = p.isVacant ? 'Left the company' : this.hasRecordLink ? '' : 'Not linked to a contact or user';
      return { ...base, label: 'Record', help: 'The Contact or User this person is.', isRecord: true, display: text };
    }
    if (field.kind === 'longtext' && p.hasDetails === false) {
      // The map load leaves the long texts out; the container is loading this person's.
      const display = this.detailsStatus === 'error' ? 'Not loaded' : 'Loading…';
      return { ...base, display, isBlank: true, valueClass: base.valueClass + ' slds-text-color_weak' };
    }
    const raw: unknown = p[field.key];
    let display: string;
    switch (field.kind) {
      case 'checkbox':
        display = raw === true ? 'Yes' : 'No';
        break;
      case 'date':
        display = typeof raw === 'string' && raw !== '' ? formatDate(raw) : NOT_SET;
        break;
      case 'datetime':
        display = typeof raw === 'string' && raw !== '' ? formatDateTime(raw) : NOT_SET;
        break;
      default: {
        const value = effectiveValue(field, raw);
        display = typeof value === 'string' ? value : NOT_SET;
      }
    }
    const isBlank = display === NOT_SET;
    return { ...base, display, isBlank, valueClass: base.valueClass + (isBlank ? ' slds-text-color_weak' : '') };
  }

  get contingencyAdvice(): string {
    return ` ${this.name} loses if our goal is reached: write down who can win them back, what we can offer, or who else can carry the decision.`;
  }

  /** Goal impact Loses and no contingency plan: the plan has a hole. */
  get missingContingencyPlan(): boolean {
    const p = this.currentPerson;
    if (p?.goalImpact !== 'Loses') return false;
    // Not loaded yet: the formula flag Has_Contingency_Plan__c says whether one is written.
    return p.hasDetails === false ? p.hasContingencyPlan !== true : blank(p.contingencyPlan);
  }

  // ---------------------------------------------------------------- stance and sentiment

  get stanceButtons() {
    const current = stanceOf(this.currentPerson?.stance);
    return STANCES.map((stance) => {
      const style = STANCE_STYLES[stance];
      const pressed = stance === current;
      return {
        value: stance,
        label: stance,
        letter: style.letter,
        description: style.description,
        pressed: String(pressed),
        className: `slds-button choice${pressed ? ' choice_pressed' : ''}`,
        swatchStyle: `background-color: ${style.color}; color: ${style.textColor};`,
      };
    });
  }

  get sentimentButtons() {
    const current = this.currentPerson?.sentiment ?? 'Unknown';
    return SENTIMENTS.map((sentiment) => {
      const pressed = sentiment === current;
      return {
        value: sentiment,
        label: sentiment,
        pressed: String(pressed),
        className: `slds-button choice${pressed ? ' choice_pressed' : ''}`,
      };
    });
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

  handleStanceClick(event: Event): void {
    const value = (event.currentTarget as HTMLElement).dataset.value;
    const p = this.currentPerson;
    if (!p || this.readOnly || !isOneOf(STANCES, value) || value === stanceOf(p.stance)) return;
    this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields: { stance: value } });
  }

  handleSentimentClick(event: Event): void {
    const value = (event.currentTarget as HTMLElement).dataset.value;
    const p = this.currentPerson;
    if (!p || this.readOnly || !isOneOf(SENTIMENTS, value) || value === (p.sentiment ?? 'Unknown')) return;
    this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields: { sentiment: value } });
  }

  // ---------------------------------------------------------------- edit form

  get editGroups() {
    return FIELD_GROUPS.map((group) => ({
      key: group.key,
      title: group.title,
      fields: group.fields
        .filter((f) => f.editable)
        .map((f) => {
          const value = this.draft[f.key];
          return {
            key: f.key,
            label: f.label,
            help: f.help,
            required: f.required === true,
            maxLength: f.maxLength,
            isText: f.kind === 'text',
            isLongText: f.kind === 'longtext',
            isPicklist: f.kind === 'picklist',
            isCheckbox: f.kind === 'checkbox',
            isDate: f.kind === 'date',
            value: typeof value === 'string' ? value : '',
            checked: value === true,
            options: options(f.options ?? []),
            placeholder: f.blankMeans === undefined ? 'None' : undefined,
          };
        }),
    })).filter((g) => g.fields.length > 0);
  }

  get hasEditErrors(): boolean {
    return this.editErrors.length > 0;
  }

  handleEdit(): void {
    const p = this.currentPerson;
    if (!p || this.readOnly || p.hasDetails === false) return;
    this.openEditForm(p);
  }

  private openEditForm(p: MapPerson): void {
    const draft: Partial<Record<FieldKey, DraftValue>> = {};
    for (const f of EDITABLE_FIELDS) {
      const value = effectiveValue(f, p[f.key]);
      draft[f.key] = f.kind === 'checkbox' ? value : (value ?? '');
    }
    this.resetForms();
    this.draft = draft;
    this.editing = true;
    this.pendingFocus = '[data-id="edit-form"] [data-field]';
  }

  handleDraftChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.field as FieldKey;
    const field = EDITABLE_FIELDS.find((f) => f.key === key);
    if (!field) return;
    const { value, checked } = event.detail ?? {};
    const next: DraftValue = field.kind === 'checkbox' ? checked === true : typeof value === 'string' ? value : '';
    this.draft = { ...this.draft, [key]: next };
  }

  handleCancelEdit(): void {
    this.editing = false;
    this.draft = {};
    this.editErrors = [];
    this.editNotice = '';
    this.pendingFocus = '[data-id="edit"]';
  }

  handleSave(event?: Event): void {
    event?.preventDefault();
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    const errors: string[] = [];
    for (const f of EDITABLE_FIELDS) {
      const message = validationError(f, this.draft[f.key] ?? null);
      const input = this.query<ValidatableElement>(`[data-id="edit-form"] [data-field="${f.key}"]`);
      input?.setCustomValidity?.(message ?? '');
      input?.reportValidity?.();
      if (message) errors.push(message);
    }
    this.editErrors = errors;
    if (errors.length > 0) {
      this.pendingFocus = '[data-id="edit-errors"]';
      return;
    }
    const fields: Record<string, DraftValue> = {};
    for (const f of EDITABLE_FIELDS) {
      const next = effectiveValue(f, this.draft[f.key]);
      if (next !== effectiveValue(f, p[f.key])) fields[f.key] = next;
    }
    this.editing = false;
    this.draft = {};
    this.editNotice = '';
    this.pendingFocus = '[data-id="edit"]';
    if (Object.keys(fields).length === 0) return;
    // Every value was checked against its field's picklist, type and length above.
    this.fire<UpdatePersonDetail>('updateperson', { personId: p.id, fields });
  }

  // ---------------------------------------------------------------- links

  private get peopleById(): Map<string, MapPerson> {
    return new Map((this.people ?? []).map((person) => [person.id, person]));
  }

  private linkRows(outgoing: boolean) {
    const p = this.currentPerson;
    if (!p) return [];
    const byId = this.peopleById;
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
          confirming: this.confirmRemoveId === l.id,
          removeLabel: `Remove link: ${sentence}`,
          confirmText: `Remove the link "${sentence}"?`,
        };
      });
  }

  get outgoingLinks() {
    return this.linkRows(true);
  }

  get incomingLinks() {
    return this.linkRows(false);
  }

  /** Links from this person, then links to them: one list template serves both. */
  get linkGroups() {
    return [
      { key: 'outgoing', heading: `From ${this.name} to others`, links: this.outgoingLinks, emptyId: 'no-outgoing' },
      { key: 'incoming', heading: `From others to ${this.name}`, links: this.incomingLinks, emptyId: 'no-incoming' },
    ].map((group) => ({ ...group, hasLinks: group.links.length > 0 }));
  }

  handleRemoveLink(event: Event): void {
    if (this.readOnly) return;
    this.confirmRemoveId = (event.currentTarget as HTMLElement).dataset.remove ?? null;
    this.pendingFocus = '[data-id="confirm-no"]';
  }

  handleConfirmRemove(): void {
    const linkId = this.confirmRemoveId;
    this.confirmRemoveId = null;
    if (linkId === null || this.readOnly) return;
    this.pendingFocus = '[data-id="heading"]';
    this.fire<RemoveLinkDetail>('removelink', { linkId });
  }

  handleCancelRemove(): void {
    if (this.confirmRemoveId !== null) this.pendingFocus = `[data-remove="${this.confirmRemoveId}"]`;
    this.confirmRemoveId = null;
  }

  get targetOptions(): Option[] {
    const p = this.currentPerson;
    return (this.people ?? [])
      .filter((person) => person.id !== p?.id)
      .map((person) => ({
        label: blank(person.title) ? person.name : `${person.name} (${person.title})`,
        value: person.id,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get typeOptions(): Option[] {
    return LINK_TYPES.map((t) => ({ label: `${t}: ${LINK_STYLES[t].description}`, value: t }));
  }

  get strengthOptions(): Option[] {
    return options(LINK_STRENGTHS);
  }

  get directionOptions(): Option[] {
    const name = this.name;
    return [
      { label: `From ${name} to the other person`, value: 'from' },
      { label: `From the other person to ${name}`, value: 'to' },
    ];
  }

  get linkHelp() {
    return LINK_HELP;
  }

  handleAddLink(): void {
    if (!this.canEdit) return;
    this.resetForms();
    this.linkFormOpen = true;
    this.pendingFocus = '[data-id="link-form"] [data-field]';
  }

  handleLinkChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.field as keyof LinkDraft;
    const value = event.detail?.value;
    this.linkDraft = { ...this.linkDraft, [key]: typeof value === 'string' ? value : '' };
    this.linkError = '';
  }

  handleCancelLink(): void {
    this.linkFormOpen = false;
    this.linkDraft = { ...DEFAULT_LINK };
    this.linkError = '';
    this.pendingFocus = '[data-id="add-link"]';
  }

  /** Why the draft link cannot be added, or null. */
  private linkProblem(p: MapPerson, draft: LinkDraft): string | null {
    if (draft.targetId === '') return 'Choose the other person.';
    if (draft.targetId === p.id) return `A link needs two people: ${p.name} cannot be linked to themselves.`;
    const other = this.peopleById.get(draft.targetId);
    if (!other) return 'Choose someone who is on this map.';
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

  handleSubmitLink(event?: Event): void {
    event?.preventDefault();
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    const draft = this.linkDraft;
    const problem = this.linkProblem(p, draft);
    if (problem) {
      this.linkError = problem;
      this.pendingFocus = '[data-id="link-error"]';
      return;
    }
    const direction = draft.direction as Direction;
    const detail: AddLinkDetail = {
      fromId: direction === 'from' ? p.id : draft.targetId,
      toId: direction === 'from' ? draft.targetId : p.id,
      type: draft.type as LinkType,
      strength: draft.strength as LinkStrength,
      notes: blank(draft.notes) ? null : draft.notes.trim(),
    };
    this.linkFormOpen = false;
    this.linkDraft = { ...DEFAULT_LINK };
    this.pendingFocus = '[data-id="add-link"]';
    this.fire<AddLinkDetail>('addlink', detail);
  }

  // ---------------------------------------------------------------- changes

  get changeRows() {
    const p = this.currentPerson;
    if (!p) return [];
    const time = (c: PersonChange): number => (c.changedAt ? new Date(c.changedAt).getTime() || 0 : 0);
    return (this.changes ?? [])
      .filter((c) => !c.personId || c.personId === p.id)
      .slice()
      .sort((a, b) => time(b) - time(a))
      .map((c) => ({
        id: c.id,
        fieldLabel: `${c.field ?? 'Change'}: `,
        oldValue: blank(c.oldValue) ? '(blank)' : (c.oldValue as string),
        newValue: blank(c.newValue) ? '(blank)' : (c.newValue as string),
        isCallLog: c.source === 'Call Log',
        meta: `${c.changedByName ?? 'Unknown user'} · ${c.changedAt ? formatDateTime(c.changedAt) : 'Unknown time'} · ${
          c.source ?? 'Edit'
        }`,
        note: c.note ?? '',
        hasNote: !blank(c.note),
      }));
  }

  /** Between old and new value: an arrow to see, words to hear. */
  readonly arrow = ' → ';
  readonly changedTo = ' changed to ';

  get hasChanges(): boolean {
    return this.changeRows.length > 0;
  }

  // ---------------------------------------------------------------- warm paths

  get showWarmPaths(): boolean {
    const w = this.warmPaths;
    return !!w && !!this.currentPerson && (!w.decisionMakerId || w.decisionMakerId === this.currentPerson.id);
  }

  get warmPathView() {
    const w = this.warmPaths;
    if (!w) return null;
    const status = w.status;
    return {
      isWarm: status === 'warm',
      isOnlyThroughOpponents: status === 'only-through-opponents',
      isUnreachable: status === 'unreachable',
      summary: w.summary,
      hasPaths: status !== 'unreachable' && w.paths.length > 0,
      paths: (status === 'unreachable' ? [] : w.paths.slice(0, MAX_PATHS)).map((path, i) => ({
        key: `${i}:${path.personIds.join('>')}`,
        explanation: path.explanation,
        detail: `Strength ${path.strength.toFixed(2)} · ${path.hops} ${path.hops === 1 ? 'link' : 'links'}${
          path.throughPrimaryContact ? ' · through the primary contact' : ''
        }${path.opponentIds.length > 0 ? ' · passes an opponent' : ''}`,
      })),
    };
  }

  // ---------------------------------------------------------------- log call

  get stanceOptions(): Option[] {
    return options(STANCES);
  }

  get sentimentOptions(): Option[] {
    return options(SENTIMENTS);
  }

  get callHelp() {
    return CALL_HELP;
  }

  handleLogCall(): void {
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    this.resetForms();
    this.callDraft = { subject: 'Call', comments: '', stance: stanceOf(p.stance), sentiment: p.sentiment ?? 'Unknown' };
    this.callFormOpen = true;
    this.pendingFocus = '[data-id="call-form"] [data-field]';
  }

  handleCallChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.field as keyof CallDraft;
    const value = event.detail?.value;
    this.callDraft = { ...this.callDraft, [key]: typeof value === 'string' ? value : '' };
    this.callError = '';
  }

  handleCancelCall(): void {
    this.callFormOpen = false;
    this.callError = '';
    this.pendingFocus = '[data-id="log-call"]';
  }

  handleSubmitCall(event?: Event): void {
    event?.preventDefault();
    const p = this.currentPerson;
    if (!p || this.readOnly) return;
    const { subject, comments, stance, sentiment } = this.callDraft;
    let problem: string | null = null;
    if (blank(subject)) problem = 'Subject is required.';
    else if (!isOneOf(STANCES, stance)) problem = `Stance: "${stance}" is not one of ${STANCES.join(', ')}.`;
    else if (!isOneOf(SENTIMENTS, sentiment))
      problem = `Sentiment: "${sentiment}" is not one of ${SENTIMENTS.join(', ')}.`;
    if (problem !== null || !isOneOf(STANCES, stance) || !isOneOf(SENTIMENTS, sentiment)) {
      this.callError = problem ?? '';
      this.pendingFocus = '[data-id="call-error"]';
      return;
    }
    this.callFormOpen = false;
    this.pendingFocus = '[data-id="log-call"]';
    this.fire<LogCallDetail>('logcall', {
      personId: p.id,
      subject: subject.trim(),
      comments: comments.trim(),
      stance,
      sentiment,
    });
  }
}
