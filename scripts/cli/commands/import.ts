/**
 * `import`: people and links from people.csv, links.csv or an export.json into one map.
 *
 * Every row is checked before anything is written (values, people, duplicates, links); one bad
 * row stops the whole import, and the report names each bad row and why. A valid import is
 * written in one all-or-nothing transaction (Composite + sObject Collections: at most 5 batches of
 * 200, so up to 1,000 records). A larger one goes through the Bulk API 1.0 in serial mode with a
 * progress bar (every row locks the same map, so parallel batches would fail with
 * UNABLE_TO_LOCK_ROW; lib/bulk.ts), where rows succeed or fail one by one, and the report lists
 * exactly which rows failed (all others were saved).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { ORG_FLAGS, requiredFlag, stringFlag, type Command, type CommandContext } from '../lib/command.ts';
import { CommandFailure, UsageError, describeError } from '../lib/errors.ts';
import type { JsonValue } from '../lib/exportFormat.ts';
import { checkId, to18 } from '../lib/ids.ts';
import type { CliIO } from '../lib/io.ts';
import { INFLUENCE_LINK, LINK_COLUMNS, MAP_CONTACT, PERSON_COLUMNS, RELATIONSHIP_MAP } from '../lib/model.ts';
import { csv, count, type Cell } from '../lib/output.ts';
import { keyPrefix, scalarText } from '../lib/query.ts';
import { runBulkJobs, type BulkJobSpec, type BulkRowOutcome } from '../lib/bulk.ts';
import {
  COLLECTIONS_PER_COMPOSITE,
  COLLECTION_SIZE,
  errorText,
  fitsOneTransaction,
  rolledBackOnly,
  saveAllOrNothing,
  type WriteOp,
} from '../lib/save.ts';
import { readOrgView, readTargetMap } from './import/orgView.ts';
import { parseCsvImport, parseJsonImport, type ParsedImport } from './import/parse.ts';
import {
  planImport,
  type FieldChange,
  type ImportPlan,
  type LinkEnd,
  type LinkPlan,
  type PersonPlan,
} from './import/plan.ts';

/**
 * What one all-or-nothing request holds: 5 batches of 200 records, each batch one kind of change
 * (new people, changed people, new links, changed links). More goes through the Bulk API (serial).
 */
const TRANSACTION_SIZE = `${COLLECTIONS_PER_COMPOSITE} batches of ${COLLECTION_SIZE} records (${(COLLECTIONS_PER_COMPOSITE * COLLECTION_SIZE).toLocaleString('en-US')} at most)`;

const HEADER_OF = new Map([...PERSON_COLUMNS, ...LINK_COLUMNS].map((c) => [c.field, c.header]));

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  const textValue = scalarText(value);
  return textValue.length > 40 ? `"${textValue.slice(0, 37)}…"` : textValue;
}

function changeText(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${HEADER_OF.get(c.field) ?? c.field} ${show(c.from)} → ${show(c.to)}`).join(', ');
}

function personLine(plan: PersonPlan): string {
  const who = plan.person ? `${plan.name} (${plan.person.kind} ${plan.person.id})` : plan.name;
  switch (plan.action) {
    case 'create':
      return `add ${who}`;
    case 'update':
      return `update ${who}: ${changeText(plan.changes)}`;
    case 'unchanged':
      return `unchanged ${who}`;
    default:
      return `leave out ${who}: ${plan.note ?? ''}`;
  }
}

function linkLine(plan: LinkPlan): string {
  const type = plan.values.Type__c ?? plan.input.values.get('Type__c');
  const what = `${plan.from?.name ?? '?'} → ${plan.to?.name ?? '?'} (${typeof type === 'string' ? type : '?'})`;
  switch (plan.action) {
    case 'create':
      return `link ${what}${plan.values.Strength__c ? `, ${String(plan.values.Strength__c)}` : ''}`;
    case 'update':
      return `update link ${what}: ${changeText(plan.changes)}`;
    case 'unchanged':
      return `unchanged link ${what}`;
    default:
      return `leave out link from ${plan.input.from.name ?? plan.input.from.email ?? plan.input.from.personId ?? plan.input.from.mapContactId ?? '?'} ${plan.note ?? ''}`;
  }
}

function summary(plan: ImportPlan, verb: { create: string; update: string }): string {
  const tally = (items: readonly { action: string }[], action: string) =>
    items.filter((i) => i.action === action).length;
  const part = (items: readonly { action: string }[], noun: string) =>
    items.length === 0
      ? undefined
      : `${noun}: ${tally(items, 'create')} ${verb.create}, ${tally(items, 'update')} ${verb.update}, ${tally(items, 'unchanged')} unchanged${tally(items, 'skip') ? `, ${tally(items, 'skip')} left out` : ''}`;
  return [part(plan.people, 'People'), part(plan.links, 'Links')].filter(Boolean).join('; ');
}

// ── what to write ────────────────────────────────────────────────────────────────────────────────

const personIdField = (plan: PersonPlan) => (plan.person?.kind === 'User' ? 'User__c' : 'Contact__c');

function changedValues(changes: readonly FieldChange[]): Record<string, JsonValue> {
  return Object.fromEntries(changes.map((c) => [c.field, c.to]));
}

/** A link end as REST fields: the Map Contact Id, or its Unique_Key__c when this import creates it. */
function endFields(side: 'From' | 'To', end: LinkEnd, mapId: string): Record<string, unknown> {
  return end.existingId
    ? { [`${side}__c`]: end.existingId }
    : { [`${side}__r`]: { Unique_Key__c: `${to18(mapId)}:${end.newPersonId ?? ''}` } };
}

/** REST operations, in dependency order: people before the links that point at them. */
export function writeOps(plan: ImportPlan, mapId: string): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const p of plan.people.filter((x) => x.action === 'create')) {
    ops.push({
      kind: 'create',
      objectName: MAP_CONTACT,
      label: p.input.where,
      record: { Relationship_Map__c: mapId, [personIdField(p)]: p.person?.id, ...p.values },
    });
  }
  for (const p of plan.people.filter((x) => x.action === 'update')) {
    ops.push({
      kind: 'update',
      objectName: MAP_CONTACT,
      label: p.input.where,
      record: { Id: p.existingId, ...changedValues(p.changes) },
    });
  }
  for (const l of plan.links.filter((x) => x.action === 'create')) {
    if (!l.from || !l.to) continue;
    ops.push({
      kind: 'create',
      objectName: INFLUENCE_LINK,
      label: l.input.where,
      record: {
        Relationship_Map__c: mapId,
        ...endFields('From', l.from, mapId),
        ...endFields('To', l.to, mapId),
        ...l.values,
      },
    });
  }
  for (const l of plan.links.filter((x) => x.action === 'update')) {
    ops.push({
      kind: 'update',
      objectName: INFLUENCE_LINK,
      label: l.input.where,
      record: { Id: l.existingId, ...changedValues(l.changes) },
    });
  }
  return ops;
}

const cell = (value: JsonValue | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The same writes as serial Bulk API jobs (CSV columns; relationship columns by external Id). */
export function bulkSpecs(plan: ImportPlan, mapId: string): BulkJobSpec[] {
  const creates = plan.people.filter((x) => x.action === 'create');
  const updates = plan.people.filter((x) => x.action === 'update');
  const linkCreates = plan.links.filter((x) => x.action === 'create' && x.from && x.to);
  const linkUpdates = plan.links.filter((x) => x.action === 'update');
  const used = (rows: readonly Record<string, JsonValue>[], fields: readonly string[]) =>
    fields.filter((f) => rows.some((r) => r[f] !== undefined));
  const personFields = PERSON_COLUMNS.map((c) => c.field);
  const createFields = used(
    creates.map((p) => p.values),
    personFields
  );
  const updateFields = used(
    updates.map((p) => changedValues(p.changes)),
    personFields
  );
  const linkFields = LINK_COLUMNS.map((c) => c.field);
  const linkUpdateFields = used(
    linkUpdates.map((l) => changedValues(l.changes)),
    linkFields
  );
  const key = (end: LinkEnd | undefined) =>
    end?.existingId ? { id: end.existingId, ref: '' } : { id: '', ref: `${to18(mapId)}:${end?.newPersonId ?? ''}` };
  return [
    {
      objectName: MAP_CONTACT,
      operation: 'insert',
      columns: ['Relationship_Map__c', 'Contact__c', 'User__c', ...createFields],
      rows: creates.map((p) => ({
        label: p.input.where,
        values: {
          Relationship_Map__c: mapId,
          [personIdField(p)]: p.person?.id ?? '',
          ...Object.fromEntries(createFields.map((f) => [f, cell(p.values[f])])),
        },
      })),
    },
    {
      objectName: MAP_CONTACT,
      operation: 'update',
      columns: ['Id', ...updateFields],
      rows: updates.map((p) => ({
        label: p.input.where,
        values: { Id: p.existingId ?? '', ...Object.fromEntries(p.changes.map((c) => [c.field, cell(c.to)])) },
      })),
    },
    {
      objectName: INFLUENCE_LINK,
      operation: 'insert',
      columns: [
        'Relationship_Map__c',
        'From__c',
        'From__r.Unique_Key__c',
        'To__c',
        'To__r.Unique_Key__c',
        ...linkFields,
      ],
      rows: linkCreates.map((l) => {
        const [from, to] = [key(l.from), key(l.to)];
        return {
          label: l.input.where,
          values: {
            Relationship_Map__c: mapId,
            From__c: from.id,
            'From__r.Unique_Key__c': from.ref,
            To__c: to.id,
            'To__r.Unique_Key__c': to.ref,
            ...Object.fromEntries(linkFields.map((f) => [f, cell(l.values[f])])),
          },
        };
      }),
    },
    {
      objectName: INFLUENCE_LINK,
      operation: 'update',
      columns: ['Id', ...linkUpdateFields],
      rows: linkUpdates.map((l) => ({
        label: l.input.where,
        values: { Id: l.existingId ?? '', ...Object.fromEntries(l.changes.map((c) => [c.field, cell(c.to)])) },
      })),
    },
  ];
}

// ── reading the file ─────────────────────────────────────────────────────────────────────────────

/** Reads and parses --file; a missing or unknown file is a usage error (exit 2). */
export function readImportFile(io: CliIO, fileFlag: string): ParsedImport {
  const file = path.resolve(io.cwd, fileFlag);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--file ${fileFlag}: no such file`);
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') {
    throw new UsageError(`--file ${fileFlag}: give a .csv (people.csv, links.csv) or .json (export.json) file`);
  }
  const text = readFileSync(file, 'utf8');
  return extension === '.json' ? parseJsonImport(text) : parseCsvImport(text);
}

// ── writing and reporting ────────────────────────────────────────────────────────────────────────

interface RowResult {
  where: string;
  order: number;
  record: 'person' | 'link';
  action: string;
  outcome: string;
  id?: string;
  message?: string;
}

function writeResults(file: string, results: readonly RowResult[]): void {
  const rows: Cell[][] = [...results]
    .sort((a, b) => a.order - b.order)
    .map((r) => [r.where, r.record, r.action, r.outcome, r.id, r.message]);
  writeFileSync(file, csv(['Row', 'Record', 'Action', 'Outcome', 'Id', 'Message'], rows), 'utf8');
}

function baseResults(plan: ImportPlan): RowResult[] {
  return [
    ...plan.people.map((p) => ({
      where: p.input.where,
      order: p.input.order,
      record: 'person' as const,
      action: p.action,
      outcome: p.action === 'skip' ? 'left out' : p.action === 'unchanged' ? 'unchanged' : 'not saved',
      id: p.existingId,
      message: p.note,
    })),
    ...plan.links.map((l) => ({
      where: l.input.where,
      order: l.input.order,
      record: 'link' as const,
      action: l.action,
      outcome: l.action === 'skip' ? 'left out' : l.action === 'unchanged' ? 'unchanged' : 'not saved',
      id: l.existingId,
      message: l.note,
    })),
  ];
}

async function saveInOneTransaction(
  conn: Connection,
  ops: WriteOp[],
  io: CliIO,
  results: RowResult[]
): Promise<number> {
  const outcomes = await saveAllOrNothing(conn, ops);
  const causes = outcomes.filter((o) => !o.success && !rolledBackOnly(o));
  const resultOf = (label: string, objectName: string) =>
    results.find((r) => r.where === label && (r.record === 'person') === (objectName === MAP_CONTACT));
  if (outcomes.every((o) => o.success)) {
    for (const o of outcomes) {
      const r = resultOf(o.op.label, o.op.objectName);
      if (r) Object.assign(r, { outcome: 'saved', id: o.id ?? r.id });
    }
    io.out(`Saved all ${count(ops.length, 'record')} in one transaction.`);
    return 0;
  }
  io.err('Nothing was saved: the import is all or nothing, and the org rejected:');
  for (const o of causes.length > 0 ? causes : outcomes.filter((x) => !x.success)) {
    io.err(`  ${o.op.label}: ${errorText(o.errors)}`);
    const r = resultOf(o.op.label, o.op.objectName);
    if (r) Object.assign(r, { outcome: 'failed', message: errorText(o.errors) });
  }
  return 1;
}

async function saveWithBulk(
  conn: Connection,
  plan: ImportPlan,
  mapId: string,
  io: CliIO,
  results: RowResult[],
  targetOrg: string | undefined
): Promise<number> {
  const run = await runBulkJobs(conn, bulkSpecs(plan, mapId), io);
  const resultOf = (o: BulkRowOutcome) =>
    results.find((r) => r.where === o.label && (r.record === 'person') === (o.objectName === MAP_CONTACT));
  const failed = run.outcomes.filter((o) => !o.success);
  for (const o of run.outcomes) {
    const r = resultOf(o);
    if (r)
      Object.assign(r, o.success ? { outcome: 'saved', id: o.id ?? r.id } : { outcome: 'failed', message: o.error });
  }
  const saved = run.outcomes.length - failed.length;
  if (run.error !== undefined) io.err(`The Bulk API load stopped: ${describeError(run.error, targetOrg)}`);
  if (failed.length === 0) {
    io.out(`Saved all ${count(saved, 'row')} with the Bulk API.`);
    return 0;
  }
  io.err(`Bulk API: ${count(saved, 'row')} saved, ${failed.length} not saved. Not saved:`);
  for (const o of failed) io.err(`  ${o.label}: ${o.error ?? ''}`);
  io.err('Every other row was saved.');
  return 1;
}

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import people and links from people.csv, links.csv or export.json into a map (checked first, all or nothing).',
  usage:
    '--map <id> --file <people.csv|links.csv|export.json> [--dry-run] [--bulk] [--results <file.csv>] [--target-org <alias>]',
  details: [
    'People are matched to Contacts by Contact Id or Email (Users, for Side "Our Company", by User Id or Email); a person already on the map is updated, anyone else is added. Links name their ends by Map Contact Id, Person Id (Contact or User) or Email, and both ends must be on the map or in the same file. A blank cell leaves a field as it is.',
    'Every row is checked first: column headers, picklist values (read from the object metadata), dates and numbers, unknown contacts, the same person or link twice, links to oneself, links to people not on the map. If any row fails, nothing is written and each failing row is listed with the reason.',
    `An import whose changes fit in ${TRANSACTION_SIZE}, where new people, changed people, new links and changed links each take their own batches, is saved in one transaction: all or nothing. Larger imports (or --bulk) use the Bulk API in serial mode (batches one after another, so rows on the same map do not fail with UNABLE_TO_LOCK_ROW) with a progress bar: rows then succeed or fail one by one, and the report lists every row that was not saved. Changes are logged in the map's change log with Source "Import" only for Bulk API loads; REST saves are logged as "Edit".`,
  ],
  flags: {
    ...ORG_FLAGS,
    map: { type: 'string', value: '<id>', description: 'the Relationship Map to import into' },
    file: {
      type: 'string',
      value: '<file>',
      description: 'people.csv, links.csv or export.json (as `export` writes them)',
    },
    'dry-run': { type: 'boolean', description: 'check every row and print what would change, without writing' },
    bulk: {
      type: 'boolean',
      description: 'use the Bulk API (serial mode) even for a small file (logged with Source "Import")',
    },
    results: {
      type: 'string',
      value: '<file.csv>',
      description: "also write every row's outcome (saved, failed, unchanged, left out) to this CSV",
    },
  },
  examples: [
    'npm run import -- --map a01Xx00000AbCdEIAZ --file people.csv --dry-run --target-org my-org',
    'npm run import -- --map a01Xx00000AbCdEIAZ --file links.csv --target-org my-org',
    'npm run import -- --map a01Xx00000AbCdEIAZ --file export-2026-11-01/northwind-a01Xx00000AbCdEIAZ/export.json --results import-results.csv',
  ],
  async run(context: CommandContext) {
    const { io, flags } = context;
    const mapFlag = requiredFlag(flags, 'map', 'the Relationship Map to import into');
    const parsed = readImportFile(io, requiredFlag(flags, 'file', 'the file to import'));
    const dryRun = flags['dry-run'] === true;
    const resultsFile = stringFlag(flags, 'results');
    const conn = await context.connection();
    const checked = checkId(mapFlag, 'relationship map', await keyPrefix(conn, RELATIONSHIP_MAP));
    if (checked.problem !== undefined) throw new UsageError(`--map: ${checked.problem}`);
    const map = await readTargetMap(conn, checked.id);
    if (!map)
      throw new CommandFailure(
        `No relationship map ${checked.id} in the org (or you cannot see it). Nothing was written.`
      );

    const plan = planImport(parsed, await readOrgView(conn, map.id, parsed));
    const rows = parsed.people.length + parsed.links.length;
    io.out(
      `${dryRun ? 'Dry run: ' : ''}importing ${count(rows, 'row')} (${parsed.kind}) into "${map.name}" (${map.id}).`
    );
    if (plan.problems.length > 0) {
      const order = new Map([...parsed.people, ...parsed.links].map((r) => [r.where, r.order]));
      const sorted = [...plan.problems].sort((a, b) => (order.get(a.where) ?? -1) - (order.get(b.where) ?? -1));
      for (const p of sorted) io.err(`  ${p.where}: ${p.reason}`);
      const badRows = new Set(sorted.filter((p) => order.has(p.where)).map((p) => p.where)).size;
      io.err(
        badRows === 0
          ? 'Nothing was written: the file itself has problems (above). Fix them and run the import again.'
          : `Nothing was written: ${count(badRows, 'row')} of ${rows} ${badRows === 1 ? 'has' : 'have'} problems. Fix ${badRows === 1 ? 'it' : 'them'} and run the import again.`
      );
      return 1;
    }
    for (const p of plan.people) if (dryRun || p.action === 'skip') io.out(`  ${p.input.where}: ${personLine(p)}`);
    for (const l of plan.links) if (dryRun || l.action === 'skip') io.out(`  ${l.input.where}: ${linkLine(l)}`);
    const ops = writeOps(plan, map.id);
    const useBulk = flags.bulk === true || !fitsOneTransaction(ops);
    if (dryRun) {
      io.out(`Would write: ${summary(plan, { create: 'to add', update: 'to update' })}.`);
      if (ops.length > 0)
        io.out(
          useBulk
            ? `The import would use the Bulk API in serial mode (${count(ops.length, 'record')}; rows succeed or fail one by one).`
            : `The import would be one all-or-nothing transaction (${count(ops.length, 'record')}).`
        );
      return 0;
    }
    io.out(`${summary(plan, { create: 'to add', update: 'to update' })}.`);
    const results = baseResults(plan);
    let code = 0;
    if (ops.length === 0) {
      io.out('Nothing to change: the map already matches the file.');
    } else if (useBulk) {
      if (flags.bulk !== true)
        io.out(
          `${count(ops.length, 'record')} to write do not fit in one all-or-nothing transaction (${TRANSACTION_SIZE}), so this import uses the Bulk API in serial mode: rows succeed or fail one by one.`
        );
      code = await saveWithBulk(conn, plan, map.id, io, results, stringFlag(flags, 'target-org'));
    } else {
      code = await saveInOneTransaction(conn, ops, io, results);
    }
    if (resultsFile) {
      const file = path.resolve(io.cwd, resultsFile);
      writeResults(file, results);
      io.out(`Row outcomes: ${file}`);
    }
    return code;
  },
};
