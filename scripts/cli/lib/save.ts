/**
 * Writing records through the REST API.
 *
 * - {@link saveAllOrNothing}: one Composite request with allOrNone, whose subrequests are sObject
 *   Collections of up to 200 records. It is one transaction: every record is saved or none is.
 *   Salesforce allows at most 5 Collections subrequests in a Composite request, so one
 *   transaction holds at most 1,000 records ({@link fitsOneTransaction}).
 * - {@link savePartial}: sObject Collections with allOrNone false, 200 records a request; each
 *   record succeeds or fails on its own (seed, refresh), and the outcome says which.
 */
import type { Connection } from 'jsforce';
import { chunk } from './soql.ts';

export interface WriteOp {
  kind: 'create' | 'update';
  objectName: string;
  /** Field values (plus Id for updates). */
  record: Record<string, unknown>;
  /** How the report names the row: "row 7", "people[3]". */
  label: string;
}

export interface WriteError {
  code: string;
  message: string;
}

export interface WriteOutcome {
  op: WriteOp;
  success: boolean;
  id?: string;
  errors: WriteError[];
}

/** Records per sObject Collections request (a platform limit). */
export const COLLECTION_SIZE = 200;
/** Collections subrequests per Composite request (a platform limit). */
export const COLLECTIONS_PER_COMPOSITE = 5;

/** Codes that only say "rolled back because another record failed". */
const ROLLBACK_CODES = new Set(['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'PROCESSING_HALTED']);

/** Whether an outcome failed only because another record in the transaction did. */
export function rolledBackOnly(outcome: WriteOutcome): boolean {
  return !outcome.success && outcome.errors.every((e) => ROLLBACK_CODES.has(e.code));
}

/** Consecutive operations of one kind on one object, cut into collections of 200. */
function groups(ops: readonly WriteOp[]): WriteOp[][] {
  const runs: WriteOp[][] = [];
  for (const op of ops) {
    const last = runs.at(-1);
    if (last && last[0].kind === op.kind && last[0].objectName === op.objectName) last.push(op);
    else runs.push([op]);
  }
  return runs.flatMap((run) => chunk(run, COLLECTION_SIZE));
}

/** Whether the operations fit in one all-or-nothing Composite request. */
export function fitsOneTransaction(ops: readonly WriteOp[]): boolean {
  return groups(ops).length <= COLLECTIONS_PER_COMPOSITE;
}

function collectionRecord(op: WriteOp): Record<string, unknown> {
  return { attributes: { type: op.objectName }, ...op.record };
}

interface RawSaveResult {
  success?: unknown;
  id?: unknown;
  errors?: unknown;
  errorCode?: unknown;
  message?: unknown;
}

function toErrors(raw: unknown): WriteError[] {
  if (!Array.isArray(raw)) return [];
  const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return raw.map((e: { statusCode?: unknown; errorCode?: unknown; message?: unknown }) => ({
    code: asText(e.statusCode) ?? asText(e.errorCode) ?? 'UNKNOWN',
    message: asText(e.message) ?? '',
  }));
}

/** Pairs one Collections response body with its operations. */
function outcomesOf(group: readonly WriteOp[], body: unknown): WriteOutcome[] {
  const results = Array.isArray(body) ? (body as RawSaveResult[]) : [];
  // A rejected subrequest answers with one error list for the whole request, not per record.
  const requestErrors =
    results.length > 0 && results.every((r) => r.success === undefined && typeof r.errorCode === 'string')
      ? toErrors(results.map((r) => ({ errorCode: r.errorCode, message: r.message })))
      : undefined;
  return group.map((op, i) => {
    const result = results[i];
    if (requestErrors || !result) {
      return {
        op,
        success: false,
        errors: requestErrors ?? [{ code: 'NO_RESULT', message: 'The org sent no result for this record.' }],
      };
    }
    return {
      op,
      success: result.success === true,
      id: typeof result.id === 'string' ? result.id : undefined,
      errors: toErrors(result.errors),
    };
  });
}

interface CompositeResponse {
  compositeResponse?: { body?: unknown; httpStatusCode?: number; referenceId?: string }[];
}

/**
 * Saves every operation in one transaction, or nothing.
 * @throws Error when the operations do not fit one Composite request (check fitsOneTransaction)
 */
export async function saveAllOrNothing(conn: Connection, ops: readonly WriteOp[]): Promise<WriteOutcome[]> {
  const batches = groups(ops);
  if (batches.length === 0) return [];
  if (batches.length > COLLECTIONS_PER_COMPOSITE) {
    throw new Error(`${ops.length} records do not fit in one all-or-nothing request`);
  }
  const url = `/services/data/v${conn.version}/composite/sobjects`;
  const response = await conn.requestPost<CompositeResponse>('/composite', {
    allOrNone: true,
    // In order: links refer to people created by an earlier subrequest.
    collateSubrequests: false,
    compositeRequest: batches.map((batch, i) => ({
      method: batch[0].kind === 'create' ? 'POST' : 'PATCH',
      url,
      referenceId: `batch${i}`,
      body: { allOrNone: true, records: batch.map(collectionRecord) },
    })),
  });
  const answers = response.compositeResponse ?? [];
  return batches.flatMap((batch, i) => outcomesOf(batch, answers.find((a) => a.referenceId === `batch${i}`)?.body));
}

/** Saves each operation on its own (200 a request); failures do not stop the others. */
export async function savePartial(conn: Connection, ops: readonly WriteOp[]): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const batch of groups(ops)) {
    const body = await conn.request({
      method: batch[0].kind === 'create' ? 'POST' : 'PATCH',
      url: '/composite/sobjects',
      body: JSON.stringify({ allOrNone: false, records: batch.map(collectionRecord) }),
      headers: { 'content-type': 'application/json' },
    });
    outcomes.push(...outcomesOf(batch, body));
  }
  return outcomes;
}

/** "FIELD_CUSTOM_VALIDATION_EXCEPTION: message; ..." for a report line. */
export function errorText(errors: readonly WriteError[]): string {
  return errors.map((e) => `${e.message} (${e.code})`).join('; ');
}
