/**
 * Bulk API 1.0 ingest jobs in **serial** mode for large imports: create the job with
 * concurrencyMode Serial, add the rows as CSV batches (10,000 rows at most each), poll each batch
 * with a progress display, read its results, and close the job; then say exactly which rows were
 * saved and why the others were not.
 *
 * Why serial: every row of an import belongs to the same Relationship Map, and saving a person or
 * a link updates that map (roll-up counts, the primary-contact sync). Batches that run in parallel
 * (Bulk API 2.0 always does; Bulk API 1.0 does by default) wait on each other's lock on the map
 * and fail rows with UNABLE_TO_LOCK_ROW. In serial mode the batches run one after another, each
 * in 200-record chunks, in the order of the file.
 *
 * A Bulk API load is not one transaction: rows succeed or fail one by one. It is also the only
 * way a load is logged with Source "Import" in the change log: ChangeLogContext sees the request
 * type Quiddity.BULK_API, which covers Bulk API 1.0 as well as 2.0.
 */
import type { Connection } from 'jsforce';
import { stringify } from 'csv-stringify/sync';
import type { CliIO } from './io.ts';

/** The Bulk API sets a field to null with this value; an empty cell leaves it unchanged. */
export const BULK_NULL = '#N/A';

/** Bulk API 1.0 limits per batch: 10,000 records and 10,000,000 characters (we stay below). */
export const BATCH_ROWS = 10_000;
export const BATCH_CHARACTERS = 9_000_000;

export interface BulkRow {
  /** How the report names the row. */
  label: string;
  /** Column → value; null clears the field. */
  values: Record<string, string | null>;
}

export interface BulkJobSpec {
  objectName: string;
  operation: 'insert' | 'update';
  columns: readonly string[];
  rows: readonly BulkRow[];
}

export interface BulkRowOutcome {
  label: string;
  objectName: string;
  operation: BulkJobSpec['operation'];
  success: boolean;
  id?: string;
  error?: string;
}

export interface BulkRun {
  outcomes: BulkRowOutcome[];
  /** An error that stopped the run (the rows it left are in outcomes as not processed). */
  error?: unknown;
}

export interface BulkLimits {
  batchRows: number;
  batchCharacters: number;
}

/** One row of a Bulk API 1.0 ingest batch result, in the order of the uploaded rows. */
interface BatchResultRow {
  id: string | null;
  success: boolean;
  errors: string[];
}

/** A row's cells exactly as uploaded. */
function cells(spec: BulkJobSpec, row: BulkRow): string[] {
  return spec.columns.map((column) => {
    const value = row.values[column];
    return value === null ? BULK_NULL : (value ?? '');
  });
}

/**
 * The spec's rows as CSV batches within the Bulk API's limits, in file order.
 * @returns each batch's CSV text and the index of its first row
 */
export function csvBatches(spec: BulkJobSpec, limits: BulkLimits): { csv: string; first: number; size: number }[] {
  const header = stringify([[...spec.columns]], { record_delimiter: 'unix' });
  const batches: { csv: string; first: number; size: number }[] = [];
  let lines: string[] = [];
  let length = header.length;
  let first = 0;
  const flush = (next: number) => {
    if (lines.length > 0) batches.push({ csv: header + lines.join(''), first, size: lines.length });
    lines = [];
    length = header.length;
    first = next;
  };
  spec.rows.forEach((row, index) => {
    const line = stringify([cells(spec, row)], { record_delimiter: 'unix' });
    if (lines.length > 0 && (lines.length >= limits.batchRows || length + line.length > limits.batchCharacters))
      flush(index);
    lines.push(line);
    length += line.length;
  });
  flush(spec.rows.length);
  return batches;
}

/**
 * Runs the jobs one after another (later jobs may refer to records the earlier ones created),
 * each in serial mode, and reports every row, also when an API error stops the run halfway.
 */
export async function runBulkJobs(
  conn: Connection,
  specs: readonly BulkJobSpec[],
  io: CliIO,
  limits: BulkLimits = { batchRows: BATCH_ROWS, batchCharacters: BATCH_CHARACTERS }
): Promise<BulkRun> {
  const active = specs.filter((spec) => spec.rows.length > 0);
  const total = active.reduce((sum, spec) => sum + spec.rows.length, 0);
  const progress = io.progress('Bulk API', total);
  const outcomes: BulkRowOutcome[] = [];
  let finishedRows = 0;
  let stopError: unknown;
  try {
    for (const [index, spec] of active.entries()) {
      const state: JobState = { done: 0 };
      try {
        await runJob(conn, spec, io, limits, state, outcomes, (processed) => progress.update(finishedRows + processed));
      } catch (error) {
        stopError = error;
        spec.rows.slice(state.done).forEach((row, i) => {
          const inFlight = state.inFlight && i < state.inFlight.rows ? state.inFlight : undefined;
          outcomes.push({
            label: row.label,
            objectName: spec.objectName,
            operation: spec.operation,
            success: false,
            error: inFlight
              ? `outcome unknown: batch ${inFlight.batch} of job ${inFlight.job} was submitted but its results could not be read; check Setup → Bulk Data Load Jobs`
              : 'not processed: the load stopped before this row was sent',
          });
        });
        for (const later of active.slice(index + 1)) {
          for (const row of later.rows)
            outcomes.push({
              label: row.label,
              objectName: later.objectName,
              operation: later.operation,
              success: false,
              error: 'not processed: the load stopped before this job was submitted',
            });
        }
        break;
      }
      finishedRows += spec.rows.length;
      progress.update(finishedRows);
    }
  } finally {
    progress.stop();
  }
  return { outcomes, error: stopError };
}

/** How far one job got: rows with an outcome, and the batch whose results are outstanding. */
interface JobState {
  done: number;
  inFlight?: { job: string; batch: string; rows: number };
}

/**
 * One serial Bulk API 1.0 job: its batches are sent and awaited one after another, so the rows
 * are saved in file order.
 */
async function runJob(
  conn: Connection,
  spec: BulkJobSpec,
  io: CliIO,
  limits: BulkLimits,
  state: JobState,
  outcomes: BulkRowOutcome[],
  onProgress: (processed: number) => void
): Promise<void> {
  const job = conn.bulk.createJob(spec.objectName, spec.operation, { concurrencyMode: 'Serial' });
  await job.open();
  const jobId = job.id ?? '?';
  try {
    for (const batchRows of csvBatches(spec, limits)) {
      const batch = job.createBatch();
      const queued = new Promise<void>((resolve) => {
        batch.once('queue', () => resolve());
      });
      batch.execute(batchRows.csv);
      // The batch is a thenable: it settles with the result rows once poll() has read them.
      const results = new Promise<BatchResultRow[]>((resolve, reject) => {
        void batch.then(resolve, reject);
      });
      // A batch that cannot even be queued (a refused upload) rejects `results` first.
      await Promise.race([queued, results]);
      state.inFlight = { job: jobId, batch: batch.id ?? '?', rows: batchRows.size };
      batch.on('inProgress', (info: { numberRecordsProcessed?: string }) =>
        onProgress(state.done + Number(info.numberRecordsProcessed ?? 0))
      );
      batch.poll(io.pollIntervalMs, io.pollTimeoutMs);
      let rows: BatchResultRow[] = [];
      let batchError: string | undefined;
      try {
        rows = await results;
      } catch (error) {
        // A batch the org failed as a whole (e.g. a column it does not know) fails its rows with
        // the org's message; a timeout or an API error stops the load.
        const name = error instanceof Error ? error.name : '';
        const message = error instanceof Error ? error.message : String(error);
        if (name === 'PollingTimeout' || (error as { errorCode?: unknown }).errorCode !== undefined) throw error;
        batchError = message;
      }
      spec.rows.slice(batchRows.first, batchRows.first + batchRows.size).forEach((row, i) => {
        const base = { label: row.label, objectName: spec.objectName, operation: spec.operation };
        const result = rows[i];
        if (result?.success) outcomes.push({ ...base, success: true, id: result.id ?? undefined });
        else if (result)
          outcomes.push({ ...base, success: false, error: result.errors.join('; ') || 'failed without a message' });
        else
          outcomes.push({
            ...base,
            success: false,
            error: `not processed${batchError ? `: ${batchError}` : ''} (job ${jobId}, batch ${batch.id ?? '?'})`,
          });
      });
      state.done += batchRows.size;
      state.inFlight = undefined;
      onProgress(state.done);
    }
  } finally {
    // Closing says no more batches are coming; it does not stop those already queued.
    await job.close().catch(() => undefined);
  }
}
