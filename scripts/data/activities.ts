/**
 * The sample's activity history (issue 17): calls, meetings and emails between our people (Users)
 * and the accounts' contacts, the evidence `getEvidence` counts. data/our-activities.json holds it
 * compactly, as ties ("Priya Shah met Rachel Adams 12 times, called her 3 times and emailed her 20
 * times between May and October"), and `expandTies` turns each tie into the Task and Event records
 * an org would hold, deterministically (the same file always gives the same records). A generated
 * data folder (scripts/data/generate.ts) writes its records instead, under `records`.
 *
 * Records are in the tree format of the rest of the sample: a Task has OwnerId, WhoId, TaskSubtype
 * (`Call` or `Email`), Status, ActivityDate and Subject; an Event is an all-day event with OwnerId,
 * WhoId, ActivityDate and Subject. References point to our-team.json's Users and the plan's
 * Contacts. Dates are as of sample-meta.json's `asOf` and move with the other dates.
 */
import type { ActivityKind } from '../shared/controllerTypes.ts';
import type { TreeRecord } from './sampleData.ts';

/** One pair's history: how many of each kind, spread between two days (`YYYY-MM-DD`, as of `asOf`). */
export interface ActivityTie {
  /** `@User_…` (our-team.json). */
  owner: string;
  /** `@Con_…` (a Contact of the plan). */
  contact: string;
  /** What they talk about, for the subjects ("Meeting: rollout plan"). */
  topic: string;
  meetings?: number;
  calls?: number;
  emails?: number;
  /** The first activity's day. */
  first: string;
  /** The last activity's day (every kind with at least one activity ends on it). */
  last: string;
}

/**
 * One activity with several of their people (a shared activity): a meeting or call of `owner`'s
 * with every contact in `contacts`. The first is its WhoId; the others are its `RelationIds`,
 * which an org with Shared Activities keeps as TaskRelation/EventRelation rows. It counts once for
 * each contact.
 */
export interface SharedActivity {
  /** `@User_…` (our-team.json). */
  owner: string;
  /** `@Con_…`, two or more contacts of the plan. */
  contacts: string[];
  kind: ActivityKind;
  /** The day (`YYYY-MM-DD`, as of `asOf`). */
  day: string;
  /** What they talk about, for the subject ("Meeting: architecture review"). */
  topic: string;
}

/** data/our-activities.json */
export interface ActivitiesFile {
  about?: string;
  /** Histories written as ties (the sample). */
  ties?: ActivityTie[];
  /** Activities with several contacts each (the sample). */
  shared?: SharedActivity[];
  /** Histories written out as records (a generated data folder). */
  records?: TreeRecord[];
}

export const ACTIVITIES_FILE = 'our-activities.json';

const DAY = 86_400_000;
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

const SUBJECT_WORD: Record<ActivityKind, string> = { Meeting: 'Meeting', Call: 'Call', Email: 'Email' };

/** The Task or Event record of one activity. */
export function activityRecord(
  referenceId: string,
  kind: ActivityKind,
  owner: string,
  contact: string,
  day: string,
  subject: string
): TreeRecord {
  const meeting = kind === 'Meeting';
  const common = {
    attributes: { type: meeting ? 'Event' : 'Task', referenceId },
    Subject: subject,
    OwnerId: owner,
    WhoId: contact,
  };
  return meeting
    ? { ...common, IsAllDayEvent: true, ActivityDate: day }
    : { ...common, TaskSubtype: kind, Status: 'Completed', ActivityDate: day };
}

/**
 * The activity kind of a Task or Event record: an Event is a Meeting, a Task a Call or an Email by
 * its TaskSubtype; null for any other task (a to-do is not evidence).
 */
export function kindOf(record: TreeRecord): ActivityKind | null {
  if (record.attributes.type === 'Event') return 'Meeting';
  if (record.attributes.type !== 'Task') return null;
  return record.TaskSubtype === 'Call' ? 'Call' : record.TaskSubtype === 'Email' ? 'Email' : null;
}

/**
 * Every tie as Task and Event records. Each kind's activities are spread evenly from `first` to
 * `last` (a single one falls on `last`); days between the ends that fall on a weekend move to the
 * Friday before, as people meet on working days.
 */
// not-a-sentence: a mistake in data/our-activities.json, for whoever edits the sample data
export function expandTies(ties: readonly ActivityTie[]): TreeRecord[] {
  const records: TreeRecord[] = [];
  ties.forEach((tie, index) => {
    const from = dayMs(tie.first);
    const to = dayMs(tie.last);
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) {
      throw new Error(`${ACTIVITIES_FILE}: tie ${index + 1} needs "first" on or before "last" (YYYY-MM-DD).`);
    }
    const stem = `Act_${tie.owner.replace(/^@User_/, '')}_${tie.contact.replace(/^@Con_/, '')}`;
    const counts: [ActivityKind, number][] = [
      ['Meeting', tie.meetings ?? 0],
      ['Call', tie.calls ?? 0],
      ['Email', tie.emails ?? 0],
    ];
    for (const [kind, count] of counts) {
      for (let i = 0; i < count; i++) {
        const ends = i === count - 1 || i === 0;
        let at = count === 1 ? to : to - Math.round(((to - from) * ((count - 1 - i) / (count - 1))) / DAY) * DAY;
        const weekday = new Date(at).getUTCDay();
        if (!ends && weekday === 6) at -= DAY;
        if (!ends && weekday === 0) at -= 2 * DAY;
        records.push(
          activityRecord(
            `${stem}_${kind}_${i + 1}`,
            kind,
            tie.owner,
            tie.contact,
            toDay(at),
            `${SUBJECT_WORD[kind]}: ${tie.topic}`
          )
        );
      }
    }
  });
  return records;
}

/** Every shared activity as one Task or Event record: WhoId the first contact, RelationIds the others. */
// not-a-sentence: a mistake in data/our-activities.json, for whoever edits the sample data
export function expandShared(shared: readonly SharedActivity[]): TreeRecord[] {
  return shared.map((activity, index) => {
    const [who, ...others] = activity.contacts;
    if (!who || others.length === 0 || Number.isNaN(dayMs(activity.day))) {
      throw new Error(
        `${ACTIVITIES_FILE}: shared activity ${index + 1} needs two or more "contacts" and a "day" (YYYY-MM-DD).`
      );
    }
    const record = activityRecord(
      `Act_${activity.owner.replace(/^@User_/, '')}_shared_${index + 1}`,
      activity.kind,
      activity.owner,
      who,
      activity.day,
      `${SUBJECT_WORD[activity.kind]}: ${activity.topic}`
    );
    return { ...record, RelationIds: others };
  });
}

/** The records of an activities file: its ties expanded, its shared activities, then its written-out records. */
export const activitiesOf = (file: ActivitiesFile): TreeRecord[] => [
  ...expandTies(file.ties ?? []),
  ...expandShared(file.shared ?? []),
  ...(file.records ?? []),
];
