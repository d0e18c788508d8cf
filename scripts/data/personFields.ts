/**
 * Which Map_Contact__c field feeds which MapPerson property (the same pairs as RecordDtos.toPerson):
 * the sample-data loader (dto.ts), the preview's report records and the component tests' sample
 * map read records through these tables. No imports that run, so Jest loads it too.
 */
import type { MapPerson } from '../shared/controllerTypes.ts';

/** Map_Contact__c text and picklist fields → MapPerson properties. */
export const PERSON_TEXT_FIELDS = {
  Name: 'name',
  Title__c: 'title',
  Side__c: 'side',
  Role__c: 'role',
  Authority__c: 'authority',
  Stance__c: 'stance',
  Sentiment__c: 'sentiment',
  Coverage__c: 'coverage',
  Goal_Impact__c: 'goalImpact',
  Communication_Style__c: 'communicationStyle',
  Preferred_Channel__c: 'preferredChannel',
  Personal_Goals__c: 'personalGoals',
  Priorities_Pain_Points__c: 'prioritiesPainPoints',
  Our_Assessment__c: 'ourAssessment',
  Needs_From_Them__c: 'needsFromThem',
  Expected_Reaction__c: 'expectedReaction',
  Contingency_Plan__c: 'contingencyPlan',
  Relation_To_Goal__c: 'relationToGoal',
  Last_Interaction__c: 'lastInteraction',
  Stance_Changed_At__c: 'stanceChangedAt',
} as const satisfies Record<string, keyof MapPerson>;

/** Map_Contact__c checkboxes → MapPerson properties (true only when the box is checked). */
export const PERSON_CHECKBOX_FIELDS = {
  Is_Primary_Contact__c: 'isPrimaryContact',
  Excluded__c: 'excluded',
  Is_Vacant__c: 'isVacant',
} as const satisfies Record<string, keyof MapPerson>;
