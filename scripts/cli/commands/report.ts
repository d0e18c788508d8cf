/**
 * `report unsupported`: the decision makers who do not back us yet, on every Active map (or one
 * account's), as a table, CSV or JSON. Decision makers are the roles the roll-up
 * Decision_Maker_Count__c counts (Decision Maker, Economic Buyer), not excluded; unsupported means
 * a stance other than Champion or Supporter, as Unsupported_Decision_Maker_Count__c counts it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ORG_FLAGS, stringFlag, type Command, type CommandContext } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { STANDARD_PREFIXES, checkId } from '../lib/ids.ts';
import { MAP_CONTACT } from '../lib/model.ts';
import { csv, table, type Cell } from '../lib/output.ts';
import { picklistValues } from '../lib/project.ts';
import { queryRows, text, type SObjectRow } from '../lib/query.ts';
import { soql, soqlFields } from '../lib/soql.ts';

/** The roles Decision_Maker_Count__c counts. */
export const DECISION_MAKER_ROLES = ['Decision Maker', 'Economic Buyer'] as const;
/** The stances that count as support (Unsupported_Decision_Maker_Count__c excludes them). */
export const SUPPORTING_STANCES = ['Champion', 'Supporter'] as const;

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** One unsupported decision maker. */
export interface UnsupportedRow {
  accountId: string;
  accountName: string;
  mapId: string;
  mapName: string;
  mapContactId: string;
  person: string;
  title: string;
  role: string;
  stance: string;
  sentiment: string;
  lastInteraction: string;
  vacant: boolean;
}

const COLUMNS: readonly { header: string; key: keyof UnsupportedRow }[] = [
  { header: 'Account', key: 'accountName' },
  { header: 'Map', key: 'mapName' },
  { header: 'Person', key: 'person' },
  { header: 'Title', key: 'title' },
  { header: 'Role', key: 'role' },
  { header: 'Stance', key: 'stance' },
  { header: 'Sentiment', key: 'sentiment' },
  { header: 'Last Interaction', key: 'lastInteraction' },
  { header: 'Vacant', key: 'vacant' },
  { header: 'Account Id', key: 'accountId' },
  { header: 'Map Id', key: 'mapId' },
  { header: 'Map Contact Id', key: 'mapContactId' },
];

/** The stances that do not count as support, from the Relationship_Stance value set. */
export function unsupportedStances(): string[] {
  return picklistValues(MAP_CONTACT, 'Stance__c').filter((s) => !(SUPPORTING_STANCES as readonly string[]).includes(s));
}

const FIELDS = soqlFields([
  'Id',
  'Name',
  'Title__c',
  'Role__c',
  'Stance__c',
  'Sentiment__c',
  'Last_Interaction__c',
  'Is_Vacant__c',
  'Relationship_Map__c',
  'Relationship_Map__r.Name',
  'Relationship_Map__r.Account__c',
  'Relationship_Map__r.Account__r.Name',
]);

async function unsupportedDecisionMakers(
  context: CommandContext,
  accountId: string | undefined
): Promise<UnsupportedRow[]> {
  const conn = await context.connection();
  const stances = unsupportedStances();
  // A blank stance is Unknown (the trigger fills it in; older rows may predate that).
  const where = soql`Relationship_Map__r.Status__c = ${'Active'} AND Excluded__c = ${false} AND Role__c IN ${DECISION_MAKER_ROLES} AND (Stance__c IN ${stances} OR Stance__c = ${null})`;
  const statement = accountId
    ? soql`SELECT ${FIELDS} FROM Map_Contact__c WHERE Relationship_Map__r.Account__c = ${accountId} AND ` + where
    : soql`SELECT ${FIELDS} FROM Map_Contact__c WHERE ` + where;
  const rows = await queryRows<SObjectRow>(
    conn,
    `${statement} ORDER BY Relationship_Map__r.Account__r.Name, Relationship_Map__r.Name, Name`
  );
  return rows.map((row) => ({
    accountId: text(row, 'Relationship_Map__r', 'Account__c') ?? '',
    accountName: text(row, 'Relationship_Map__r', 'Account__r', 'Name') ?? '',
    mapId: text(row, 'Relationship_Map__c') ?? '',
    mapName: text(row, 'Relationship_Map__r', 'Name') ?? '',
    mapContactId: row.Id,
    person: text(row, 'Name') ?? '',
    title: text(row, 'Title__c') ?? '',
    role: text(row, 'Role__c') ?? '',
    stance: text(row, 'Stance__c') ?? 'Unknown',
    sentiment: text(row, 'Sentiment__c') ?? '',
    lastInteraction: text(row, 'Last_Interaction__c') ?? '',
    vacant: row.Is_Vacant__c === true,
  }));
}

/** The report in one format. */
export function formatReport(rows: readonly UnsupportedRow[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const cells: Cell[][] = rows.map((row) => COLUMNS.map((c) => row[c.key]));
  if (format === 'csv')
    return csv(
      COLUMNS.map((c) => c.header),
      cells
    );
  if (rows.length === 0) return 'No unsupported decision makers on Active maps.\n';
  const shown = COLUMNS.filter((c) => !c.key.endsWith('Id'));
  const accounts = new Set(rows.map((r) => r.accountId)).size;
  return `${table(
    shown.map((c) => c.header),
    rows.map((row) => shown.map((c) => (c.key === 'vacant' ? (row.vacant ? 'yes' : '') : row[c.key])))
  )}\n\n${rows.length} unsupported decision maker${rows.length === 1 ? '' : 's'} on ${accounts} account${accounts === 1 ? '' : 's'}.\n`;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Reports across maps. `report unsupported`: decision makers on Active maps who do not back us yet.',
  usage: 'unsupported [--account <id>] [--format table|csv|json] [--out <file>] [--target-org <alias>]',
  details: [
    'Decision makers are people with Role Decision Maker or Economic Buyer who are not excluded; unsupported means a stance other than Champion or Supporter (Neutral, Skeptic, Opponent, Unknown), as the Unsupported Decision Makers roll-up counts them. Vacant seats are listed too, marked Vacant.',
  ],
  positionals: { name: 'report', values: ['unsupported'] },
  flags: {
    ...ORG_FLAGS,
    account: { type: 'string', value: '<id>', description: 'only this account (Account Id)' },
    format: { type: 'string', short: 'f', value: '<format>', description: 'table (default), csv or json' },
    out: { type: 'string', value: '<file>', description: 'write to this file instead of standard output' },
  },
  examples: [
    'npm run report -- unsupported --target-org my-org',
    'npm run report -- unsupported --account 001Xx000003DGb2IAG --format csv --out unsupported.csv',
    'npm run report -- unsupported --format json | jq length',
  ],
  async run(context) {
    const format = (stringFlag(context.flags, 'format') ?? 'table') as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const accountFlag = stringFlag(context.flags, 'account');
    let accountId: string | undefined;
    if (accountFlag !== undefined) {
      const checked = checkId(accountFlag, 'account', STANDARD_PREFIXES.Account);
      if (checked.problem !== undefined) throw new UsageError(`--account: ${checked.problem}`);
      accountId = checked.id;
    }
    const rows = await unsupportedDecisionMakers(context, accountId);
    const output = formatReport(rows, format);
    const out = stringFlag(context.flags, 'out');
    if (out) {
      const file = path.resolve(context.io.cwd, out);
      writeFileSync(file, output, 'utf8');
      context.io.err(`Wrote ${rows.length} row${rows.length === 1 ? '' : 's'} to ${file}`);
    } else {
      context.io.out(output.replace(/\n$/, ''));
    }
    return 0;
  },
};
