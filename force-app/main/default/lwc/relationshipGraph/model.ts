/**
 * The input contract of the relationship analytics: one map's people and links, exactly as the
 * Apex controller returns them (a later issue generates its DTOs from these types and a drift test
 * compares the two). Names are camelCase forms of the field API names in docs/data-model.md;
 * picklists are string-literal unions holding the exact picklist values.
 *
 * Everything except `id` and `name` is optional and nullable: Salesforce returns blank fields as
 * null, and Aura drops null properties from Apex objects altogether. Blank picklists mean the
 * field's default value (see the `Default` notes below); blank checkboxes mean false.
 */

/** `Map_Contact__c.Side__c` (restricted; default Customer). */
export type Side = 'Customer' | 'Our Company' | 'Partner';
export const SIDES: readonly Side[] = ['Customer', 'Our Company', 'Partner'];

/** `Map_Contact__c.Role__c` (restricted; default Unknown). */
export type Role =
  | 'Decision Maker'
  | 'Economic Buyer'
  | 'Executive Sponsor'
  | 'Champion'
  | 'Influencer'
  | 'Technical Evaluator'
  | 'Business User'
  | 'Procurement'
  | 'Gatekeeper'
  | 'Coach'
  | 'Unknown';
export const ROLES: readonly Role[] = [
  'Decision Maker',
  'Economic Buyer',
  'Executive Sponsor',
  'Champion',
  'Influencer',
  'Technical Evaluator',
  'Business User',
  'Procurement',
  'Gatekeeper',
  'Coach',
  'Unknown',
];

/** `Map_Contact__c.Authority__c` (restricted; default Unknown). */
export type Authority = 'High' | 'Medium' | 'Low' | 'None' | 'Unknown';
export const AUTHORITIES: readonly Authority[] = ['High', 'Medium', 'Low', 'None', 'Unknown'];

/** Global value set `Relationship_Stance` (`Map_Contact__c.Stance__c`; default Unknown). */
export type Stance = 'Champion' | 'Supporter' | 'Neutral' | 'Skeptic' | 'Opponent' | 'Unknown';
export const STANCES: readonly Stance[] = ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent', 'Unknown'];

/** Champion or Supporter: the stances that count as supporting us (Is_Supportive__c). */
export const isSupportiveStance = (stance: unknown): boolean => stance === 'Champion' || stance === 'Supporter';

/** Decision Maker or Economic Buyer: the roles that decide (Is_Decision_Maker__c). */
export const decidesByRole = (role: unknown): boolean => role === 'Decision Maker' || role === 'Economic Buyer';

/** Global value set `Relationship_Sentiment` (`Map_Contact__c.Sentiment__c`; default Unknown). */
export type Sentiment = 'Very Positive' | 'Positive' | 'Neutral' | 'Negative' | 'Very Negative' | 'Unknown';
export const SENTIMENTS: readonly Sentiment[] = [
  'Very Positive',
  'Positive',
  'Neutral',
  'Negative',
  'Very Negative',
  'Unknown',
];

/** `Map_Contact__c.Coverage__c` (restricted; default None). */
export type Coverage = 'In-depth' | 'Regular' | 'Brief' | 'None';
export const COVERAGES: readonly Coverage[] = ['In-depth', 'Regular', 'Brief', 'None'];

/** `Map_Contact__c.Goal_Impact__c` (restricted; default Unknown). */
export type GoalImpact = 'Gains' | 'Neutral' | 'Loses' | 'Unknown';
export const GOAL_IMPACTS: readonly GoalImpact[] = ['Gains', 'Neutral', 'Loses', 'Unknown'];

/** `Map_Contact__c.Communication_Style__c` (restricted; default Unknown). */
export type CommunicationStyle =
  'Short and Direct' | 'Detailed' | 'Data-Driven' | 'Visual' | 'Relationship-First' | 'Unknown';
export const COMMUNICATION_STYLES: readonly CommunicationStyle[] = [
  'Short and Direct',
  'Detailed',
  'Data-Driven',
  'Visual',
  'Relationship-First',
  'Unknown',
];

/** `Map_Contact__c.Preferred_Channel__c` (restricted; no default). */
export type PreferredChannel = 'Email' | 'Phone' | 'In Person' | 'Video' | 'Chat';
export const PREFERRED_CHANNELS: readonly PreferredChannel[] = ['Email', 'Phone', 'In Person', 'Video', 'Chat'];

/**
 * Each Map Contact picklist's values under the person's property name: what the analytics accept
 * (people.ts) and what the person panel offers (c/relationshipMapPersonFields).
 */
export const PERSON_PICKLISTS = {
  side: SIDES,
  role: ROLES,
  authority: AUTHORITIES,
  stance: STANCES,
  sentiment: SENTIMENTS,
  coverage: COVERAGES,
  goalImpact: GOAL_IMPACTS,
  communicationStyle: COMMUNICATION_STYLES,
  preferredChannel: PREFERRED_CHANNELS,
} as const;

/** `Influence_Link__c.Type__c` (restricted; default Influences). */
export type LinkType = 'Reports To' | 'Influences' | 'Ally' | 'Conflict' | 'Relationship';
export const LINK_TYPES: readonly LinkType[] = ['Reports To', 'Influences', 'Ally', 'Conflict', 'Relationship'];

/** `Influence_Link__c.Strength__c` (restricted; default Medium). */
export type LinkStrength = 'Strong' | 'Medium' | 'Weak';
export const LINK_STRENGTHS: readonly LinkStrength[] = ['Strong', 'Medium', 'Weak'];

/** One `Map_Contact__c`: a person on the map (customer, partner or one of our own people). */
export interface MapPerson {
  /** Map_Contact__c Id. */
  id: string;
  /** `Name` ("Person Name", a snapshot). */
  name: string;
  /** `Title__c`. */
  title?: string | null;
  /** `Side__c`; blank = Customer. */
  side?: Side | null;
  /** `Role__c`; blank = Unknown. */
  role?: Role | null;
  /** `Authority__c`; blank = Unknown. */
  authority?: Authority | null;
  /** `Stance__c`; blank = Unknown. */
  stance?: Stance | null;
  /** `Sentiment__c`; blank = Unknown. */
  sentiment?: Sentiment | null;
  /** `Coverage__c`; blank = None. */
  coverage?: Coverage | null;
  /** `Goal_Impact__c`; blank = Unknown. */
  goalImpact?: GoalImpact | null;
  /** `Is_Primary_Contact__c`; blank = false. */
  isPrimaryContact?: boolean | null;
  /** `Excluded__c`: trimmed from the map; the analytics ignore the person (still validated). */
  excluded?: boolean | null;
  /** `Is_Vacant__c`: the person left and the seat keeps its history; the seat carries no influence. */
  isVacant?: boolean | null;
  /** `Is_Decision_Maker__c` (formula: Role is Decision Maker or Economic Buyer). */
  isDecisionMaker?: boolean | null;
  /** `Last_Interaction__c`: ISO date `YYYY-MM-DD`. */
  lastInteraction?: string | null;
  /** `Stance_Changed_At__c`: ISO date-time. */
  stanceChangedAt?: string | null;
  /** `Contact__c` (customer or any external person). */
  contactId?: string | null;
  /** `User__c` (our own people). */
  userId?: string | null;
  /** `Personal_Goals__c`. */
  personalGoals?: string | null;
  /** `Priorities_Pain_Points__c`. */
  prioritiesPainPoints?: string | null;
  /** `Our_Assessment__c`: our opinion of them. */
  ourAssessment?: string | null;
  /** `Needs_From_Them__c`. */
  needsFromThem?: string | null;
  /** `Expected_Reaction__c`. */
  expectedReaction?: string | null;
  /** `Contingency_Plan__c`: damage control. */
  contingencyPlan?: string | null;
  /** `Relation_To_Goal__c`. */
  relationToGoal?: string | null;
  /** `Communication_Style__c`; blank = Unknown. */
  communicationStyle?: CommunicationStyle | null;
  /** `Preferred_Channel__c`. */
  preferredChannel?: PreferredChannel | null;
  /** `Layout_X__c`: pinned horizontal position on the map; blank = free (the layout places them). */
  layoutX?: number | null;
  /** `Layout_Y__c`: pinned vertical position; blank = free. Pinned only when both are set. */
  layoutY?: number | null;
  /** `Has_Contingency_Plan__c` (formula): the contingency plan is written (also when its text is not loaded). */
  hasContingencyPlan?: boolean | null;
  /** `Has_Personal_Goals__c` (formula). */
  hasPersonalGoals?: boolean | null;
  /** `Has_Priorities_Pain_Points__c` (formula). */
  hasPrioritiesPainPoints?: boolean | null;
  /** `Has_Relation_To_Goal__c` (formula). */
  hasRelationToGoal?: boolean | null;
  /**
   * Whether the seven long texts are loaded: false after a map load (which leaves them out to stay
   * within the Apex heap; the `has…` flags stand for them), true from getPersonDetails/updatePerson.
   * Absent: treat the texts as loaded.
   */
  hasDetails?: boolean | null;
  /** The version the rep sees (`LastModifiedDate`, ISO date-time): sent back with a save. */
  version?: string | null;
  /** `LastModifiedBy.Name`: who saved this version. */
  lastModifiedByName?: string | null;
  /**
   * `CreatedDate` (ISO date-time): when the person was added to the map. Nobody is stale before
   * `staleDays` have passed since then (the `Is_Stale__c` formula reads CreatedDate the same way).
   * Blank: treated as added long ago.
   */
  createdDate?: string | null;
}

/** One `Influence_Link__c`: From influences To, in the way its type says. */
export interface InfluenceLink {
  /** Influence_Link__c Id. */
  id: string;
  /** `From__c` (Map_Contact__c Id); null once that person was deleted (lookup set null). */
  fromId: string | null;
  /** `To__c` (Map_Contact__c Id); null once that person was deleted. */
  toId: string | null;
  /** `Type__c`; blank = Influences. */
  type?: LinkType | null;
  /** `Strength__c`; blank = Medium. */
  strength?: LinkStrength | null;
  /** `Notes__c`: how they influence. */
  notes?: string | null;
  /** The version the rep sees (`LastModifiedDate`, ISO date-time): sent back with an edit. */
  version?: string | null;
  /** `LastModifiedBy.Name`: who saved this version. */
  lastModifiedByName?: string | null;
}

/**
 * Kinds of activity that count as evidence of a relationship (issue 17): an Event is a Meeting; a
 * Task is a Call or an Email by its `TaskSubtype`. Other tasks (to-dos) are not evidence.
 */
export type ActivityKind = 'Meeting' | 'Call' | 'Email';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['Meeting', 'Call', 'Email'];

/**
 * One bucket of activity evidence, as the controller's aggregate queries group activities: those
 * of one kind owned by one of our people (a User) with one of the account's contacts, in one
 * calendar month of the window (`getEvidence`).
 */
export interface EvidenceBucket {
  /** The activity owner (User Id): one of our people. */
  userId: string;
  /** The contact (Contact Id) the activity is with: the Task or Event's WhoId, or a shared-activity relation. */
  contactId: string;
  kind: ActivityKind;
  /** Activities in the bucket (at least 1). */
  count: number;
  /** The earliest `ActivityDate` in the bucket, `YYYY-MM-DD`. */
  firstDate: string;
  /** The latest `ActivityDate` in the bucket, `YYYY-MM-DD`. */
  lastDate: string;
}

/** Someone the evidence names: one of our users or one of the account's contacts. */
export interface EvidencePerson {
  /** User Id or Contact Id. */
  id: string;
  /** Full name. */
  name: string;
  /** `Title` (User or Contact). */
  title?: string | null;
  /** `Department` (User or Contact). */
  department?: string | null;
  /** True for a User (one of our people), false for a Contact. */
  isUser: boolean;
}

/**
 * The activity evidence of one map's account over a window of months (`getEvidence`, its own call:
 * the map loads without it). Only activities the user may see are counted.
 */
export interface MapEvidence {
  /** The day the window ends (today in the user's time zone), `YYYY-MM-DD`. */
  asOf: string;
  /** The first day of the window, `YYYY-MM-DD`. */
  since: string;
  /** The window's length in months. */
  windowMonths: number;
  /** Every bucket, most recent first. */
  buckets: EvidenceBucket[];
  /** Every user and contact the buckets name (the user may see), map or not. */
  people: EvidencePerson[];
  /**
   * The limit on buckets was reached (2,000 per query): the oldest buckets are left out, so counts
   * are lower bounds. The panel says so.
   */
  truncated: boolean;
  /** Keys of the suggestions dismissed on this map (`Relationship_Map__c.Dismissed_Suggestions__c`). */
  dismissed: string[];
}

/** One map's people and links: the whole input of every analytic. */
export interface MapInput {
  people: readonly MapPerson[];
  links: readonly InfluenceLink[];
  /** The account's activity evidence (issue 17); absent until `getEvidence` answers. */
  evidence?: MapEvidence | null;
}
