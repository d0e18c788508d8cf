/**
 * The sample Northwind map (data/) as the map component receives it, for component tests: the
 * Map_Contact__c and Influence_Link__c tree records of data/Map_Contact__c.json,
 * data/Influence_Link__c.json and data/our-team.json, with each record's referenceId as its id and
 * the dates as written (they were written for `asOf` in data/sample-meta.json). Not a test itself.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { PERSON_CHECKBOX_FIELDS, PERSON_TEXT_FIELDS } from '../../../../../../../scripts/data/personFields';

type TreeRecord = { attributes: { referenceId: string } } & Record<string, unknown>;

const DATA = join(__dirname, '..', '..', '..', '..', '..', '..', '..', 'data');
const read = (file: string): unknown => JSON.parse(readFileSync(join(DATA, file), 'utf8'));
const records = (file: string, key?: string): TreeRecord[] => {
  const json = read(file) as Record<string, { records: TreeRecord[] }> & { records: TreeRecord[] };
  return key ? json[key].records : json.records;
};

/** Field → MapPerson property: the sample-data loader's tables (scripts/data/personFields.ts). */
const PERSON_FIELDS: Record<string, keyof MapPerson> = { ...PERSON_TEXT_FIELDS, ...PERSON_CHECKBOX_FIELDS };

const ref = (value: unknown): string | null => (typeof value === 'string' ? value.replace(/^@/, '') : null);

/** The day the sample's dates were written for. */
export const SAMPLE_AS_OF = new Date(`${(read('sample-meta.json') as { asOf: string }).asOf}T12:00:00Z`);

/** The people and links of one sample map (default: Northwind's). */
export function sampleMap(mapRef = 'MapNorthwind'): { people: MapPerson[]; links: InfluenceLink[] } {
  const onMap = (r: TreeRecord) => ref(r.Relationship_Map__c) === mapRef;
  const people = [...records('Map_Contact__c.json'), ...records('our-team.json', 'Map_Contact__c')]
    .filter(onMap)
    .map((r) => {
      const person: Record<string, unknown> = { id: r.attributes.referenceId };
      for (const [field, key] of Object.entries(PERSON_FIELDS)) if (r[field] !== undefined) person[key] = r[field];
      person.isDecisionMaker = r.Role__c === 'Decision Maker' || r.Role__c === 'Economic Buyer';
      person.hasContingencyPlan = typeof r.Contingency_Plan__c === 'string' && r.Contingency_Plan__c !== '';
      return person as unknown as MapPerson;
    });
  const links = [...records('Influence_Link__c.json'), ...records('our-team.json', 'Influence_Link__c')]
    .filter(onMap)
    .map((r): InfluenceLink => ({
      id: r.attributes.referenceId,
      fromId: ref(r.From__c),
      toId: ref(r.To__c),
      type: r.Type__c as InfluenceLink['type'],
      strength: r.Strength__c as InfluenceLink['strength'],
      notes: (r.Notes__c as string | undefined) ?? null,
    }));
  return { people, links };
}
