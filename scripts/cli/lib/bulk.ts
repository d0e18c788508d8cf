/**
 * Bulk API 2.0 ingest jobs for large imports: create the job, upload the CSV, close it, poll
 * with a progress display, then read successfulResults and failedResults to say exactly which
 * rows were saved and why the others were not.
 *
 * A Bulk API load is not one transaction: rows succeed or fail one by one. It is also the only
 * way a load is logged with Source "Import" in the change log (ChangeLogContext: the Apex tells a
 * Bulk API request apart from a REST save by the request type).
 */
import type { Connection } from 'jsforce';
import { stringify } from 'csv-stringify/sync';
import type { CliIO } from './io.ts';

/** Bulk API 2.0 sets a field to null with this value; an empty cell leaves it unchanged. */
export const BULK_NULL = '#N/A';

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
  /**
   * A key that tells rows apart from their column values alone, because result files come back
   * in any order and carry only the uploaded columns.
   */
  identity: (values: Readonly<Record<string, string>>) => string;
}

export interface BulkRowOutcome {
  label: string;
  objectName: string;
  operation: BulkJobSpec['operation'];
  success: boolean;
  id?: string;
  error?: string;
}

/** A row's cells exactly as uploaded. */
function cells(spec: BulkJobSpec, row: BulkRow): Record<string, string> {
  return Object.fromEntries(
    spec.columns.map((column) => {
      const value = row.values[column];
      return [column, value === null ? BULK_NULL : (value ?? '')];
    })
  );
}

function csvOf(spec: BulkJobSpec): string {
  const records = spec.rows.map((row) => spec.columns.map((column) => cells(spec, row)[column]));
  return stringify(records, { header: true, columns: [...spec.columns], record_delimiter: 'unix' });
}

function asRecords(value: unknown): Record<string, string>[] {
  return Array.isArray(value) ? (value as Record<string, string>[]) : [];
}

export interface BulkRun {
  outcomes: BulkRowOutcome[];
  /** An error that stopped the run (the rows it left are in outcomes as not processed). */
  error?: unknown;
}

/**
 * Runs the jobs one after another (later jobs may refer to records the earlier ones created) and
 * reports every row, also when an API error stops the run halfway.
 */
export async function runBulkJobs(conn: Connection, specs: readonly BulkJobSpec[], io: CliIO): Promise<BulkRun> {
  const active = specs.filter((spec) => spec.rows.length > 0);
  const total = active.reduce((sum, spec) => sum + spec.rows.length, 0);
  const progress = io.progress('Bulk API', total);
  const outcomes: BulkRowOutcome[] = [];
  let finishedRows = 0;
  let stopError: unknown;
  try {
    for (const [index, spec] of active.entries()) {
      let submittedJobId: string | undefined;
      try {
        outcomes.push(
          ...(await runJob(
            conn,
            spec,
            io,
            (processed) => progress.update(finishedRows + processed),
            (id) => (submittedJobId = id)
          ))
        );
      } catch (error) {
        stopError = error;
        const reason = submittedJobId
          ? `outcome unknown: job ${submittedJobId} was submitted but its results could not be read; check Setup → Bulk Data Load Jobs`
          : 'not processed: the load stopped before this job was submitted';
        for (const later of active.slice(index)) {
          const why = later === spec ? reason : 'not processed: the load stopped before this job was submitted';
          for (const row of later.rows)
            outcomes.push({
              label: row.label,
              objectName: later.objectName,
              operation: later.operation,
              success: false,
              error: why,
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

async function runJob(
  conn: Connection,
  spec: BulkJobSpec,
  io: CliIO,
  onProgress: (processed: number) => void,
  onSubmitted: (jobId: string) => void
): Promise<BulkRowOutcome[]> {
  const job = conn.bulk2.createJob({ object: spec.objectName, operation: spec.operation, lineEnding: 'LF' });
  await job.open();
  await job.uploadData(csvOf(spec));
  await job.close();
  onSubmitted(job.id);
  job.on('inProgress', (info: { numberRecordsProcessed?: number }) => onProgress(info.numberRecordsProcessed ?? 0));
  let jobError: string | undefined;
  try {
    await job.poll(io.pollIntervalMs, io.pollTimeoutMs);
  } catch (error) {
    // A failed or aborted job still has results for the rows it processed; a timeout has none yet.
    jobError = error instanceof Error ? error.message : String(error);
    if (/timed out/i.test(jobError)) throw error;
  }
  const succeeded = new Map<string, Record<string, string>>();
  const failed = new Map<string, Record<string, string>>();
  for (const row of asRecords(await job.getSuccessfulResults())) succeeded.set(spec.identity(row), row);
  for (const row of asRecords(await job.getFailedResults())) failed.set(spec.identity(row), row);
  return spec.rows.map((row) => {
    const key = spec.identity(cells(spec, row));
    const base = { label: row.label, objectName: spec.objectName, operation: spec.operation };
    const ok = succeeded.get(key);
    if (ok) return { ...base, success: true, id: ok.sf__Id };
    const bad = failed.get(key);
    if (bad) return { ...base, success: false, error: bad.sf__Error || 'failed without a message' };
    return { ...base, success: false, error: `not processed${jobError ? `: ${jobError}` : ''} (job ${job.id})` };
  });
}
