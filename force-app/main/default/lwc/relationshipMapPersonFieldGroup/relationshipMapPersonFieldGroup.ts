/**
 * One group of the selected person's fields in the person panel (Person, Position and Authority,
 * Where They Stand, What Drives Them, Our Plan): label, help and value of each field, blanks read
 * as the data model says, dates in the user's locale; the Contact or User record as a link (opened
 * here, NavigationMixin); long texts while they load; and in Our Plan the flag for a missing
 * damage-control plan. Stance and sentiment are not rows here: the panel sets them in one click.
 * Data only comes down; no events.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { MapPerson } from 'c/relationshipGraph';
import { FIELD_GROUPS, blank, effectiveValue, formatDate, formatDateTime } from 'c/relationshipMapPersonFields';
import type { FieldInfo, GroupKey } from 'c/relationshipMapPersonFields';
import type { ButtonSpec } from 'c/relationshipMapButtons';

const NOT_SET = 'Not set';
/** Shown by the panel as buttons, or (userId) in the one Record row. */
const NOT_ROWS: ReadonlySet<string> = new Set(['stance', 'sentiment', 'userId']);

export default class RelationshipMapPersonFieldGroup extends NavigationMixin(LightningElement) {
  /** The selected person. */
  @api person: MapPerson | null = null;
  /** Which group of fields. */
  @api group: GroupKey | null = null;
  /** Whether the person's long texts are loading or failed to load (see the panel). */
  @api detailsStatus = '';

  private get name(): string {
    return this.person?.name ?? '';
  }

  get rows() {
    const p = this.person;
    const group = FIELD_GROUPS.find((g) => g.key === this.group);
    if (!p || !group) return [];
    return group.fields.filter((f) => !NOT_ROWS.has(f.key)).map((f) => this.row(p, f));
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

  /** The Contact or User record to open, unless the seat is vacant. */
  private get recordTarget(): { recordId: string; objectApiName: 'Contact' | 'User' } | null {
    const p = this.person;
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

  /** The Record row's link to the Contact or User. */
  get recordButtons(): ButtonSpec[] {
    return [{ id: 'record-link', label: this.recordLinkLabel, title: this.recordLinkTitle, variant: 'base' }];
  }

  handleOpenRecord(): void {
    const target = this.recordTarget;
    if (!target) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: target.recordId, objectApiName: target.objectApiName, actionName: 'view' },
    });
  }

  get contingencyAdvice(): string {
    return ` ${this.name} loses if our goal is reached: write down who can win them back, what we can offer, or who else can carry the decision.`;
  }

  /** In Our Plan: goal impact Loses and no contingency plan, the plan has a hole. */
  get missingContingencyPlan(): boolean {
    const p = this.person;
    if (this.group !== 'plan' || p?.goalImpact !== 'Loses') return false;
    // Not loaded yet: the formula flag Has_Contingency_Plan__c says whether one is written.
    return p.hasDetails === false ? p.hasContingencyPlan !== true : blank(p.contingencyPlan);
  }
}
