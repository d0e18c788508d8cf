/**
 * Every Map Contact field the person panel shows, grouped the way a rep thinks about a person.
 * Labels and help text are those of the field metadata (objects/Map_Contact__c/fields), so the
 * panel explains a field in the same words as the record page does. Also what the panel's parts
 * share: how values and dates read, how a link reads, the draft an Edit form starts from. Pure
 * TypeScript, no component code.
 */
import TOO_LONG from '@salesforce/label/c.RM_Too_Long';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { PERSON_PICKLISTS as VALUES } from 'c/relationshipGraph';
import type { LinkType, MapPerson } from 'c/relationshipGraph';

/**
 * The org's limits, as the field metadata sets them: every Map Contact long text area holds 32,768
 * characters; a call's Task Subject 255 and Task Comments (Description) 32,000 (Object Reference:
 * Task), which Apex CallLogService and the preview refuse past (RM_Too_Long). A Jest test reads
 * objects/Map_Contact__c/fields to keep these the same.
 */
export const LONG_TEXT_LENGTH = 32768;
export const CALL_LIMITS = { subject: 255, comments: 32000 } as const;

/** A count in the user's locale ("32,768"). */
export function formatCount(n: number): string {
  try {
    return new Intl.NumberFormat(USER_LOCALE).format(n);
  } catch (_unknownLocale) {
    return new Intl.NumberFormat().format(n);
  }
}

/** The counter under a field with a limit, and what to say at and past the limit. */
export interface LengthNote {
  /** "120 / 128 characters". */
  counter: string;
  /** '' below the limit; at it, that it is full; past it, by how much (the form then refuses to save). */
  message: string;
  over: boolean;
}

/**
 * How much of its limit a text uses. Lengths count as Salesforce counts them (UTF-16 units, as
 * Apex String.length()). Inputs get no max-length: a browser would silently stop typing or cut a
 * paste; the rep sees the counter, a sentence at the limit, and the save refuses what is too long.
 */
export function lengthNote(label: string, value: string | null | undefined, max: number): LengthNote {
  const n = (value ?? '').length;
  const over = n > max;
  let message = '';
  if (over)
    message = `${label} is ${formatCount(n - max)} ${n - max === 1 ? 'character' : 'characters'} over its limit of ${formatCount(max)}: shorten it to save.`;
  else if (n === max) message = `${label} is full: ${formatCount(max)} characters is the most it can hold.`;
  return { counter: `${formatCount(n)} / ${formatCount(max)} characters`, message, over };
}

/**
 * A Custom Label with its placeholders filled as Apex's Sentences.format fills them: {0}, {1}, ...
 * replaced in one pass, literally; numbers as Apex String.valueOf writes them (no separators); a
 * placeholder without a value stays as written.
 */
export function formatLabel(template: string, values: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const i = Number(index);
    return i < values.length ? String(values[i]) : placeholder;
  });
}

/**
 * Why a text is too long for its field, or null: the org's own sentence (Custom Label
 * RM_Too_Long, as RelationshipMapService.tooLong says it), so the form refuses in the same words
 * as Apex and the preview.
 */
export function tooLong(label: string, value: string | null | undefined, max: number): string | null {
  const n = (value ?? '').length;
  return n > max ? formatLabel(TOO_LONG, [label, max, n]) : null;
}

/** How a field is shown and edited. */
export type FieldKind =
  | 'text' // single line (lightning-input)
  | 'longtext' // multi-line (lightning-textarea)
  | 'picklist' // one of `options` (lightning-combobox)
  | 'checkbox' // yes / no (lightning-input type=checkbox)
  | 'date' // ISO date YYYY-MM-DD (lightning-input type=date)
  | 'datetime' // ISO date-time, never edited here
  | 'record'; // Contact / User lookup, shown as a link to the record

export type FieldKey = Exclude<
  keyof MapPerson,
  | 'id'
  | 'layoutX'
  | 'layoutY'
  | 'hasContingencyPlan'
  | 'hasPersonalGoals'
  | 'hasPrioritiesPainPoints'
  | 'hasRelationToGoal'
  | 'hasDetails'
  | 'version'
  | 'lastModifiedByName'
>;

export interface FieldInfo {
  key: FieldKey;
  label: string;
  /** inlineHelpText of the field. */
  help: string;
  kind: FieldKind;
  /** Picklist values, in the metadata's order. */
  options?: readonly string[];
  /** What a blank picklist means (the field's default); absent when blank is a value of its own. */
  blankMeans?: string;
  /** Editable in the Edit form (stance and sentiment have their own one-click buttons). */
  editable: boolean;
  required?: boolean;
  maxLength?: number;
}

export type GroupKey = 'person' | 'position' | 'stand' | 'drivers' | 'plan';

export interface FieldGroup {
  key: GroupKey;
  title: string;
  fields: readonly FieldInfo[];
}

export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    key: 'person',
    title: 'Person',
    fields: [
      {
        key: 'name',
        label: 'Person Name',
        help: "The person's name on this map. It is kept when the contact is deleted or the person leaves.",
        kind: 'text',
        editable: true,
        required: true,
        maxLength: 80,
      },
      {
        key: 'title',
        label: 'Title',
        help: "The person's job title at the time. Update it when they change jobs; the change is kept in the history.",
        kind: 'text',
        editable: true,
        maxLength: 128,
      },
      {
        key: 'side',
        label: 'Side',
        help: 'Which side this person is on: the customer, our own company, or a partner or consultant.',
        kind: 'picklist',
        options: VALUES.side,
        blankMeans: 'Customer',
        editable: true,
      },
      {
        key: 'contactId',
        label: 'Contact',
        help: 'The contact this entry is about: someone at the customer, a partner or a consultant. For people from our own company, use User instead.',
        kind: 'record',
        editable: false,
      },
      {
        key: 'userId',
        label: 'User',
        help: 'Use this instead of Contact for people from our own company, such as the account executive or an executive sponsor.',
        kind: 'record',
        editable: false,
      },
      {
        key: 'isVacant',
        label: 'Vacant',
        help: 'Check this when the person has left the role. The seat stays on the map with its history so you can map their successor.',
        kind: 'checkbox',
        editable: true,
      },
      {
        key: 'isPrimaryContact',
        label: 'Primary Contact',
        help: 'Check this for your main contact on this map. Only one person per map can be the primary contact.',
        kind: 'checkbox',
        editable: true,
      },
      {
        key: 'excluded',
        label: 'Excluded',
        help: 'Check this to take the person off the map without deleting them. Their notes and history are kept, and they are no longer counted.',
        kind: 'checkbox',
        editable: true,
      },
    ],
  },
  {
    key: 'position',
    title: 'Position and Authority',
    fields: [
      {
        key: 'role',
        label: 'Role',
        help: 'The part this person plays in the decision. Decision Maker: makes the call. Economic Buyer: owns the budget. Champion: sells for us internally. Coach: guides us. Gatekeeper: controls access. Unknown until you find out.',
        kind: 'picklist',
        options: VALUES.role,
        blankMeans: 'Unknown',
        editable: true,
      },
      {
        key: 'isDecisionMaker',
        label: 'Decision Maker',
        help: "Checked automatically when this person's Role is Decision Maker or Economic Buyer.",
        kind: 'checkbox',
        editable: false,
      },
      {
        key: 'authority',
        label: 'Authority',
        help: 'How much say this person has over our goal, whatever their title. High: can make or block the decision. None: no influence on it.',
        kind: 'picklist',
        options: VALUES.authority,
        blankMeans: 'Unknown',
        editable: true,
      },
    ],
  },
  {
    key: 'stand',
    title: 'Where They Stand',
    fields: [
      {
        key: 'stance',
        label: 'Stance',
        help: 'Where this person stands on our goal: Champion pushes for us, Supporter backs us, Neutral has no preference, Skeptic needs convincing, Opponent works against us.',
        kind: 'picklist',
        options: VALUES.stance,
        blankMeans: 'Unknown',
        editable: false,
      },
      {
        key: 'sentiment',
        label: 'Sentiment',
        help: 'How this person feels about us, from Very Positive to Very Negative. This is about the relationship, not the goal: someone can like us and still oppose the deal.',
        kind: 'picklist',
        options: VALUES.sentiment,
        blankMeans: 'Unknown',
        editable: false,
      },
      {
        key: 'coverage',
        label: 'Coverage',
        help: 'How well we are in touch with this person. In-depth: close, frequent contact. Regular: steady contact. Brief: occasional. None: no contact yet.',
        kind: 'picklist',
        options: VALUES.coverage,
        blankMeans: 'None',
        editable: true,
      },
      {
        key: 'stanceChangedAt',
        label: 'Stance Changed At',
        help: "When this person's stance last changed. Filled in automatically.",
        kind: 'datetime',
        editable: false,
      },
      {
        key: 'lastInteraction',
        label: 'Last Interaction',
        help: 'When we last had a real conversation with this person.',
        kind: 'date',
        editable: true,
      },
    ],
  },
  {
    key: 'drivers',
    title: 'What Drives Them',
    fields: [
      {
        key: 'personalGoals',
        label: 'Personal Goals',
        help: 'What this person wants for themselves, such as a promotion, recognition or less workload. Show how our goal helps them get it.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
      {
        key: 'prioritiesPainPoints',
        label: 'Priorities and Pain Points',
        help: 'What this person is focused on right now and what problems keep them busy.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
      {
        key: 'communicationStyle',
        label: 'Communication Style',
        help: 'How this person likes to get information. Example: Short and Direct wants the bottom line first; Data-Driven wants numbers.',
        kind: 'picklist',
        options: VALUES.communicationStyle,
        blankMeans: 'Unknown',
        editable: true,
      },
      {
        key: 'preferredChannel',
        label: 'Preferred Channel',
        help: 'The best way to reach this person.',
        kind: 'picklist',
        options: VALUES.preferredChannel,
        editable: true,
      },
      {
        key: 'relationToGoal',
        label: 'Relation to Goal',
        help: 'How this person is connected to our goal: what they decide, use, own or influence.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
    ],
  },
  {
    key: 'plan',
    title: 'Our Plan',
    fields: [
      {
        key: 'needsFromThem',
        label: 'What We Need from Them',
        help: 'What we need from this person to reach our goal, for example an introduction, a sign-off, budget or information.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
      {
        key: 'ourAssessment',
        label: 'Our Assessment',
        help: 'Our honest opinion of this person: how reliable they are, what their agenda is, how best to work with them. Internal only.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
      {
        key: 'goalImpact',
        label: 'Goal Impact',
        help: 'What this person personally gets if our goal is reached. Gains: more budget, power or ease. Loses: something is taken away. People who lose often resist.',
        kind: 'picklist',
        options: VALUES.goalImpact,
        blankMeans: 'Unknown',
        editable: true,
      },
      {
        key: 'expectedReaction',
        label: 'Expected Reaction',
        help: 'How we expect this person to react to our proposal, and why.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
      {
        key: 'contingencyPlan',
        label: 'Contingency Plan',
        help: 'What we do if this person turns against us: who can win them back, what we can offer, or who else can carry the decision.',
        kind: 'longtext',
        editable: true,
        maxLength: LONG_TEXT_LENGTH,
      },
    ],
  },
];

/** Help text of the link fields (Influence_Link__c) and of the Task fields a logged call sets. */
export const LINK_HELP = {
  target: 'The other person on this map.',
  type: 'How From relates to To. Reports To: From reports to To. Influences: From sways To. Ally: they work together. Conflict: they work against each other. Relationship: a personal tie.',
  strength: 'How strongly From sways To.',
  notes: 'How this influence works, for example shared history, or that To always asks From before deciding.',
} as const;

export const CALL_HELP = {
  stance:
    'Where this person stood on our goal in this conversation: Champion pushes for us, Opponent works against us. Leave blank if you learned nothing new.',
  sentiment:
    'How this person felt about us in this conversation, from Very Positive to Very Negative. Leave blank if you learned nothing new.',
} as const;

/** A draft value in the Edit form: text and picklists are strings, checkboxes booleans. */
export type DraftValue = string | boolean | null;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The value a field means, with blanks read as the data model says: a blank picklist is its
 * default, a blank checkbox false, blank text null.
 */
export function effectiveValue(field: FieldInfo, value: unknown): DraftValue {
  if (field.kind === 'checkbox') return value === true;
  if (value === null || value === undefined) return field.kind === 'picklist' ? (field.blankMeans ?? null) : null;
  if (typeof value !== 'string') return null;
  if (value.trim() === '') return field.kind === 'picklist' ? (field.blankMeans ?? null) : null;
  return field.kind === 'text' ? value.trim() : value;
}

/** Why a draft value cannot be saved, or null when it can. */
export function validationError(field: FieldInfo, value: DraftValue): string | null {
  if (field.kind === 'checkbox') return null;
  const text = typeof value === 'string' ? value : '';
  if (field.required && text.trim() === '') return `${field.label} is required.`;
  if (text === '') return null;
  if (field.kind === 'picklist' && !(field.options ?? []).includes(text)) {
    return `${field.label}: "${text}" is not one of the allowed values (${(field.options ?? []).join(', ')}).`;
  }
  const long = field.maxLength === undefined ? null : tooLong(field.label, text, field.maxLength);
  if (long) return long;
  if (field.kind === 'date' && !isIsoDate(text)) return `${field.label} must be a date.`;
  return null;
}

export const ALL_FIELDS: readonly FieldInfo[] = FIELD_GROUPS.flatMap((g) => g.fields);
export const EDITABLE_FIELDS: readonly FieldInfo[] = ALL_FIELDS.filter((f) => f.editable);
export const fieldInfo = (key: FieldKey): FieldInfo => ALL_FIELDS.find((f) => f.key === key)!;

/** The draft an Edit form starts from: every editable field as saved, blanks read as the data model says. */
export function draftOf(person: MapPerson): Partial<Record<FieldKey, DraftValue>> {
  const draft: Partial<Record<FieldKey, DraftValue>> = {};
  for (const f of EDITABLE_FIELDS) {
    const value = effectiveValue(f, person[f.key]);
    draft[f.key] = f.kind === 'checkbox' ? value : (value ?? '');
  }
  return draft;
}

/** An option of a lightning-combobox or -radio-group. */
export interface Option {
  label: string;
  value: string;
}

export const options = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));

export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

export const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/** A value the base components report in their `change` event. */
export type ChangeEvent = CustomEvent<{ value?: unknown; checked?: unknown }>;

/** "Pat reports to Morgan": how a link reads, From first. */
export const LINK_SENTENCES: Readonly<Record<LinkType, (from: string, to: string) => string>> = {
  'Reports To': (from, to) => `${from} reports to ${to}`,
  Influences: (from, to) => `${from} influences ${to}`,
  Ally: (from, to) => `${from} and ${to} are allies`,
  Conflict: (from, to) => `${from} and ${to} are in conflict`,
  Relationship: (from, to) => `${from} has a personal tie to ${to}`,
};

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
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : userFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An ISO date-time in the user's locale and Salesforce time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : userFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: USER_TIME_ZONE }).format(d);
}
