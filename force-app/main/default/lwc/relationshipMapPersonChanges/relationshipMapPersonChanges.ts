/**
 * The selected person's recent changes in the person panel, newest first: the field, old → new
 * value, who, when (in the user's locale and time zone) and the source, with call logs marked.
 * The map load brings each person's latest 5 (MapContactSelector.RECENT_CHANGES_PER_PERSON); when
 * there are that many, "View all changes" opens the person's Changes related list in Salesforce,
 * which has every entry. Data only comes down; no events.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { PersonChange } from 'c/relationshipMapApi';
import { blank, formatDateTime } from 'c/relationshipMapPersonFields';
import type { ButtonSpec } from 'c/relationshipMapButtons';

/** How many of each person's changes the map load brings (Apex MapContactSelector.RECENT_CHANGES_PER_PERSON). */
export const RECENT_CHANGES_PER_PERSON = 5;

export default class RelationshipMapPersonChanges extends NavigationMixin(LightningElement) {
  /** The selected person's id: entries of other people are left out. */
  @api personId: string | null = null;
  /** Recent changes, in any order. */
  @api changes: PersonChange[] = [];

  /** Between old and new value: an arrow to see, words to hear. */
  readonly arrow = ' → ';
  readonly changedTo = ' changed to ';

  get changeRows() {
    const id = this.personId;
    if (!id) return [];
    const time = (c: PersonChange): number => (c.changedAt ? new Date(c.changedAt).getTime() || 0 : 0);
    return (this.changes ?? [])
      .filter((c) => !c.personId || c.personId === id)
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

  get hasChanges(): boolean {
    return this.changeRows.length > 0;
  }

  /** As many as the map load brings: there may be older ones, which the related list shows. */
  get mayHaveMore(): boolean {
    return this.changeRows.length >= RECENT_CHANGES_PER_PERSON;
  }

  get latestNote(): string {
    return `The latest ${RECENT_CHANGES_PER_PERSON} changes are shown here.`;
  }

  readonly viewAllButtons: ButtonSpec[] = [
    {
      id: 'view-all-changes',
      label: 'View all changes',
      title: 'Opens every change of this person in Salesforce',
      variant: 'base',
    },
  ];

  /** The person's Changes related list (Map_Contact_Change__c.Map_Contact__c), every entry. */
  handleViewAll(): void {
    const recordId = this.personId;
    if (!recordId) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordRelationshipPage',
      attributes: { recordId, objectApiName: 'Map_Contact__c', relationshipApiName: 'Changes__r', actionName: 'view' },
    });
  }
}
