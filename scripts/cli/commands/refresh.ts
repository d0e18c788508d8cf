/**
 * `refresh`: finds people on maps who have left and marks their seats vacant (Is_Vacant__c), the
 * way the Contact trigger does when it sees the change happen (VacancyService). It catches what
 * the trigger could not: a Contact deleted by someone whose delete could not update the seat (the
 * seat keeps no person), a Contact still in the recycle bin, a customer Contact that now belongs to
 * another account than the map's, and Users who were deactivated (no trigger runs for that).
 *
 * Partner and consultant Contacts (Side Partner, or Our Company) belong to other accounts on
 * purpose, so only Customer-side people count as "moved".
 */
import type { Connection } from 'jsforce';
import { ORG_FLAGS, stringFlag, type Command, type CommandContext } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { STANDARD_PREFIXES, checkId, sameId } from '../lib/ids.ts';
import { MAP_CONTACT, RELATIONSHIP_MAP } from '../lib/model.ts';
import { table } from '../lib/output.ts';
import { field, keyPrefix, queryInSlices, queryRows, text, type SObjectRow } from '../lib/query.ts';
import { errorText, savePartial, type WriteOp } from '../lib/save.ts';
import { soql, soqlFields } from '../lib/soql.ts';

export interface LeaverSeat {
  id: string;
  person: string;
  mapId: string;
  mapName: string;
  reason: string;
}

const FIELDS = soqlFields([
  'Id',
  'Name',
  'Side__c',
  'Contact__c',
  'User__c',
  'Contact__r.AccountId',
  'Contact__r.Account.Name',
  'User__r.IsActive',
  'Relationship_Map__c',
  'Relationship_Map__r.Name',
  'Relationship_Map__r.Account__c',
  'Relationship_Map__r.Account__r.Name',
]);

/** Filled seats in scope (not vacant), with what is needed to judge them. */
async function filledSeats(conn: Connection, scope: { accountId?: string; mapId?: string }): Promise<SObjectRow[]> {
  const base = soql`SELECT ${FIELDS} FROM Map_Contact__c WHERE Is_Vacant__c = ${false}`;
  const filter = scope.mapId
    ? soql` AND Relationship_Map__c = ${scope.mapId}`
    : scope.accountId
      ? soql` AND Relationship_Map__r.Account__c = ${scope.accountId}`
      : '';
  return queryRows(conn, `${base}${filter} ORDER BY Relationship_Map__r.Name, Name`);
}

/** Seats whose person has left, with the reason. */
export async function findLeavers(
  conn: Connection,
  scope: { accountId?: string; mapId?: string }
): Promise<LeaverSeat[]> {
  const seats = await filledSeats(conn, scope);
  const contactIds = seats.map((s) => text(s, 'Contact__c')).filter((id): id is string => id !== undefined);
  // queryAll reads the recycle bin; a normal query would not return deleted contacts at all.
  const deleted = await queryInSlices(
    conn,
    contactIds,
    (ids) => soql`SELECT Id FROM Contact WHERE Id IN ${ids} AND IsDeleted = ${true}`,
    true
  );
  const deletedIds = new Set(deleted.map((c) => c.Id.slice(0, 15)));
  const leavers: LeaverSeat[] = [];
  for (const seat of seats) {
    const contactId = text(seat, 'Contact__c');
    const userId = text(seat, 'User__c');
    const mapAccount = text(seat, 'Relationship_Map__r', 'Account__c');
    const contactAccount = text(seat, 'Contact__r', 'AccountId');
    let reason: string | undefined;
    if (!contactId && !userId) reason = 'the person was deleted (the seat has no Contact or User)';
    else if (contactId && deletedIds.has(contactId.slice(0, 15))) reason = 'the Contact is in the recycle bin';
    else if (contactId && (text(seat, 'Side__c') ?? 'Customer') === 'Customer' && !sameId(contactAccount, mapAccount)) {
      reason = `the Contact moved to ${text(seat, 'Contact__r', 'Account', 'Name') ?? contactAccount ?? 'no account'} (the map is on ${text(seat, 'Relationship_Map__r', 'Account__r', 'Name') ?? mapAccount ?? 'another account'})`;
    } else if (userId && field(seat, 'User__r', 'IsActive') === false) {
      reason = 'the User is inactive';
    }
    if (reason) {
      leavers.push({
        id: seat.Id,
        person: text(seat, 'Name') ?? seat.Id,
        mapId: text(seat, 'Relationship_Map__c') ?? '',
        mapName: text(seat, 'Relationship_Map__r', 'Name') ?? '',
        reason,
      });
    }
  }
  return leavers;
}

export const refreshCommand: Command = {
  name: 'refresh',
  summary: 'Mark people who left (Contact deleted or moved, User inactive) as vacant seats.',
  usage: '[--account <id> | --map <id>] [--dry-run] [--target-org <alias>]',
  details: [
    'Looks at every filled seat (Is_Vacant__c false) on the maps in scope and marks it vacant when its Contact was deleted (the seat has no person, or the Contact is in the recycle bin), its customer Contact now belongs to another account than the map\'s, or its User is inactive. Partner and Our Company people are not "moved" by belonging elsewhere. The seat keeps its history, links and plans; the change log records the Vacant change.',
  ],
  flags: {
    ...ORG_FLAGS,
    account: { type: 'string', value: '<id>', description: 'only maps of this Account' },
    map: { type: 'string', value: '<id>', description: 'only this Relationship Map' },
    'dry-run': { type: 'boolean', description: 'list the seats that would become vacant, without writing' },
  },
  examples: [
    'npm run refresh -- --dry-run --target-org my-org',
    'npm run refresh -- --account 001Xx000003DGb2IAG --target-org my-org',
  ],
  async run(context: CommandContext) {
    const accountFlag = stringFlag(context.flags, 'account');
    const mapFlag = stringFlag(context.flags, 'map');
    if (accountFlag !== undefined && mapFlag !== undefined) throw new UsageError('Give --account or --map, not both.');
    const scope: { accountId?: string; mapId?: string } = {};
    if (accountFlag !== undefined) {
      const checked = checkId(accountFlag, 'account', STANDARD_PREFIXES.Account);
      if (checked.problem !== undefined) throw new UsageError(`--account: ${checked.problem}`);
      scope.accountId = checked.id;
    }
    const conn = await context.connection();
    if (mapFlag !== undefined) {
      const checked = checkId(mapFlag, 'relationship map', await keyPrefix(conn, RELATIONSHIP_MAP));
      if (checked.problem !== undefined) throw new UsageError(`--map: ${checked.problem}`);
      scope.mapId = checked.id;
    }
    const dryRun = context.flags['dry-run'] === true;
    const leavers = await findLeavers(conn, scope);
    if (leavers.length === 0) {
      context.io.out('Every filled seat still has its person: nothing to mark vacant.');
      return 0;
    }
    context.io.out(`${dryRun ? 'Dry run: these seats would be marked vacant' : 'Marking these seats vacant'}:`);
    context.io.out(
      table(
        ['Map', 'Person', 'Why', 'Map Contact Id'],
        leavers.map((l) => [l.mapName, l.person, l.reason, l.id])
      )
    );
    if (dryRun) {
      context.io.out(
        `Would mark ${leavers.length} seat${leavers.length === 1 ? '' : 's'} vacant. Nothing was written.`
      );
      return 0;
    }
    const ops: WriteOp[] = leavers.map((l) => ({
      kind: 'update',
      objectName: MAP_CONTACT,
      record: { Id: l.id, Is_Vacant__c: true },
      label: `${l.person} on "${l.mapName}"`,
    }));
    const outcomes = await savePartial(conn, ops);
    const failed = outcomes.filter((o) => !o.success);
    for (const o of outcomes) {
      if (o.success) context.io.out(`Vacant: ${o.op.label} (${String(o.op.record.Id)})`);
      else context.io.err(`Not changed: ${o.op.label}: ${errorText(o.errors)}`);
    }
    context.io.out(
      `Done: ${outcomes.length - failed.length} marked vacant, ${failed.length} failed. The change log records each as a Vacant change.`
    );
    return failed.length > 0 ? 1 : 0;
  },
};
