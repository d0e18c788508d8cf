/** Reads what an import is judged against: the map, its people and links, and the org's people the file names. */
import type { Connection } from 'jsforce';
import { STANDARD_PREFIXES, isSalesforceId, to18 } from '../../lib/ids.ts';
import { LINK_COLUMNS, LINK_QUERY_FIELDS, PERSON_COLUMNS, PERSON_QUERY_FIELDS } from '../../lib/model.ts';
import { queryInSlices, queryRows, text, type SObjectRow } from '../../lib/query.ts';
import { soql, soqlFields } from '../../lib/soql.ts';
import type { ParsedImport } from './parse.ts';
import type { OrgPerson, OrgView } from './plan.ts';

export interface TargetMap {
  id: string;
  name: string;
}

/** The map, or undefined when it does not exist or cannot be seen. */
export async function readTargetMap(conn: Connection, mapId: string): Promise<TargetMap | undefined> {
  const [row] = await queryRows(conn, soql`SELECT Id, Name FROM Relationship_Map__c WHERE Id = ${mapId}`);
  return row ? { id: row.Id, name: text(row, 'Name') ?? mapId } : undefined;
}

function pick(row: SObjectRow, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}

/** Everything the plan needs, in a handful of queries. */
export async function readOrgView(conn: Connection, mapId: string, parsed: ParsedImport): Promise<OrgView> {
  const [peopleRows, linkRows] = await Promise.all([
    queryRows(
      conn,
      soql`SELECT ${soqlFields(PERSON_QUERY_FIELDS)} FROM Map_Contact__c WHERE Relationship_Map__c = ${mapId}`
    ),
    queryRows(
      conn,
      soql`SELECT ${soqlFields(LINK_QUERY_FIELDS)} FROM Influence_Link__c WHERE Relationship_Map__c = ${mapId}`
    ),
  ]);
  const personFields = PERSON_COLUMNS.map((c) => c.field);
  const linkFields = LINK_COLUMNS.map((c) => c.field);

  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const p of parsed.people) {
    for (const id of [p.contactId, p.userId]) if (id && isSalesforceId(id)) ids.add(to18(id));
    if (p.email) emails.add(p.email.trim());
  }
  const contactIds = [...ids].filter((id) => id.startsWith(STANDARD_PREFIXES.Contact));
  const userIds = [...ids].filter((id) => id.startsWith(STANDARD_PREFIXES.User));
  const emailList = [...emails];
  const [contactsById, usersById, contactsByEmail, usersByEmail] = await Promise.all([
    queryInSlices(conn, contactIds, (s) => soql`SELECT Id, Name, Email FROM Contact WHERE Id IN ${s}`),
    queryInSlices(conn, userIds, (s) => soql`SELECT Id, Name, Email, IsActive FROM User WHERE Id IN ${s}`),
    queryInSlices(conn, emailList, (s) => soql`SELECT Id, Name, Email FROM Contact WHERE Email IN ${s}`),
    queryInSlices(conn, emailList, (s) => soql`SELECT Id, Name, Email, IsActive FROM User WHERE Email IN ${s}`),
  ]);
  const byId = new Map<string, OrgPerson>();
  const byEmail = new Map<string, OrgPerson[]>();
  const add = (row: SObjectRow, kind: OrgPerson['kind']) => {
    const id = to18(row.Id);
    if (byId.has(id)) return;
    const person: OrgPerson = {
      id,
      kind,
      name: text(row, 'Name') ?? id,
      email: text(row, 'Email'),
      active: kind === 'Contact' || row.IsActive === true,
    };
    byId.set(id, person);
    if (person.email)
      byEmail.set(person.email.toLowerCase(), [...(byEmail.get(person.email.toLowerCase()) ?? []), person]);
  };
  for (const row of [...contactsById, ...contactsByEmail]) add(row, 'Contact');
  for (const row of [...usersById, ...usersByEmail]) add(row, 'User');

  return {
    mapId,
    people: peopleRows.map((row) => ({
      id: row.Id,
      name: text(row, 'Name') ?? row.Id,
      personId: text(row, 'Contact__c') ?? text(row, 'User__c'),
      email: text(row, 'Contact__r', 'Email') ?? text(row, 'User__r', 'Email'),
      values: pick(row, personFields),
    })),
    links: linkRows.map((row) => ({
      id: row.Id,
      fromId: text(row, 'From__c'),
      toId: text(row, 'To__c'),
      type: text(row, 'Type__c'),
      values: pick(row, linkFields),
    })),
    byId,
    byEmail,
  };
}
