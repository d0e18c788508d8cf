/**
 * A local HTTP server on 127.0.0.1 that speaks the part of the Salesforce REST API the CLI uses,
 * over a FakeOrg: query/queryAll with paging (nextRecordsUrl), sObject describe/create/update,
 * sObject Collections, Composite (allOrNone, in order), and Bulk API 1.0 ingest jobs (XML job
 * requests, CSV batches, results in row order; the job's concurrencyMode is kept so tests can
 * assert it). It records every request so tests can assert what was sent, and can expire the
 * session or fail requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FakeOrg, RecordError, str, type SaveChannel } from './org.ts';
import { SoqlError } from './soql.ts';

export const FAKE_TOKEN = '00DFAKE0000000001!AQ0AQFakeSessionTokenNeverPrint.me';
const VERSION = 'v65.0';
const BASE = `/services/data/${VERSION}`;
/** Bulk API 1.0 ("async") lives beside the REST API, with the bare version number. */
const ASYNC = `/services/async/${VERSION.slice(1)}`;

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The raw text of CSV uploads. */
  text: string;
}

/** A Bulk API 1.0 ingest job. */
export interface BulkJob {
  id: string;
  object: string;
  operation: 'insert' | 'update';
  state: 'Open' | 'Closed' | 'Aborted';
  /** As the client asked for it; Salesforce's default is Parallel. */
  concurrencyMode: 'Serial' | 'Parallel';
  batches: BulkBatch[];
}

export interface BulkBatch {
  id: string;
  state: 'Queued' | 'InProgress' | 'Completed' | 'Failed';
  stateMessage: string;
  polls: number;
  rows: number;
  /** One per uploaded row, in the same order (Bulk API 1.0 results keep the row order). */
  results: { Id: string; Success: string; Created: string; Error: string }[];
}

const xmlEscape = (value: unknown) =>
  String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlOf = (root: string, fields: Record<string, unknown>) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://www.force.com/2009/06/asyncapi/dataload">${Object.entries(
    fields
  )
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('')}</${root}>`;
const xmlField = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
/** A Bulk API 1.0 error body (jsforce reads exceptionCode and exceptionMessage). */
const asyncError = (code: string, message: string) =>
  xmlOf('error', { exceptionCode: code, exceptionMessage: message });

type SaveResult = {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
};

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function errorOf(error: unknown): SaveResult['errors'][number] {
  if (error instanceof RecordError) return { statusCode: error.code, message: error.message, fields: error.fields };
  return {
    statusCode: 'UNKNOWN_EXCEPTION',
    message: error instanceof Error ? error.message : String(error),
    fields: [],
  };
}

export class FakeSalesforce {
  readonly org = new FakeOrg();
  readonly requests: LoggedRequest[] = [];
  /** Rows per query page (small values exercise nextRecordsUrl paging). */
  pageSize = 2000;
  private server: Server | undefined;
  private cursors = new Map<string, Record<string, unknown>[]>();
  private cursorCount = 0;
  /** Bulk API 1.0 jobs, in the order they were created. */
  readonly bulkJobs = new Map<string, BulkJob>();
  private sessionValid = true;
  private failures: { when: (r: LoggedRequest) => boolean; status: number; body: unknown; remaining: number }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())));
  }

  /** Every later request answers 401 INVALID_SESSION_ID, as when a token expires. */
  expireSession(): void {
    this.sessionValid = false;
  }

  /** The next matching request(s) fail with this status and body. */
  failNext(
    when: (r: LoggedRequest) => boolean,
    status = 500,
    body: unknown = [
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message: 'An unexpected error occurred. Please include this ErrorId: 12345-67890',
      },
    ],
    times = 1
  ): void {
    this.failures.push({ when, status, body, remaining: times });
  }

  /** Requests that wrote (not GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** SOQL statements sent (query and queryAll). */
  queries(): string[] {
    return this.requests.filter((r) => r.query.has('q')).map((r) => r.query.get('q') ?? '');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown = undefined;
    if (text && (req.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text) as unknown;
    const logged: LoggedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      text,
    };
    this.requests.push(logged);
    const send = (status: number, payload: unknown, type = 'application/json;charset=UTF-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const isAsync = url.pathname.startsWith(`${ASYNC}/`);
    if (isAsync) {
      // Bulk API 1.0 takes the session in its own header and answers errors in XML, with 400.
      if (req.headers['x-sfdc-session'] !== FAKE_TOKEN || !this.sessionValid) {
        send(400, asyncError('InvalidSessionId', 'Invalid session id'), 'application/xml');
        return;
      }
    } else if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}` || !this.sessionValid) {
      send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    const failure = this.failures.find((f) => f.remaining > 0 && f.when(logged));
    if (failure) {
      failure.remaining--;
      if (isAsync && typeof failure.body !== 'string') {
        const [first] = failure.body as { errorCode: string; message: string }[];
        send(failure.status, asyncError(first.errorCode, first.message), 'application/xml');
      } else send(failure.status, failure.body);
      return;
    }
    if (isAsync) {
      try {
        const [status, payload, type] = this.routeAsync(logged);
        send(status, payload, type);
      } catch (error) {
        send(400, asyncError('InvalidJob', error instanceof Error ? error.message : String(error)), 'application/xml');
      }
      return;
    }
    try {
      const [status, payload, type] = this.route(logged);
      if (status === 204) {
        res.writeHead(204);
        res.end();
      } else send(status, payload, type);
    } catch (error) {
      if (error instanceof SoqlError || (error instanceof RecordError && error.code.startsWith('INVALID'))) {
        send(400, [{ errorCode: error instanceof SoqlError ? 'MALFORMED_QUERY' : error.code, message: error.message }]);
      } else {
        send(500, [
          { errorCode: 'UNKNOWN_EXCEPTION', message: error instanceof Error ? error.message : String(error) },
        ]);
      }
    }
  }

  private route(r: LoggedRequest): [number, unknown, string?] {
    if (!r.path.startsWith(`${BASE}/`))
      return [404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist (${r.path})` }]];
    const rest = r.path.slice(BASE.length);
    let m: RegExpExecArray | null;
    if ((rest === '/query' || rest === '/queryAll') && r.method === 'GET')
      return [200, this.startQuery(r.query.get('q') ?? '', rest === '/queryAll')];
    if ((m = /^\/query\/([\w-]+)$/.exec(rest)) && r.method === 'GET') return [200, this.nextPage(m[1])];
    if ((m = /^\/sobjects\/(\w+)\/describe$/.exec(rest))) {
      if (!this.org.schema[m[1]])
        return [404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist` }]];
      return [
        200,
        {
          name: m[1],
          keyPrefix: this.org.keyPrefix(m[1]),
          fields: [...this.org.schema[m[1]].fields].map((name) => ({ name })),
        },
      ];
    }
    if ((m = /^\/sobjects\/(\w+)$/.exec(rest)) && r.method === 'POST') {
      const result = this.saveOne('create', m[1], r.body as Record<string, unknown>);
      return result.success
        ? [201, result]
        : [400, result.errors.map((e) => ({ errorCode: e.statusCode, message: e.message, fields: e.fields }))];
    }
    if ((m = /^\/sobjects\/(\w+)\/(\w+)$/.exec(rest)) && r.method === 'PATCH') {
      const result = this.saveOne('update', m[1], { ...(r.body as Record<string, unknown>), Id: m[2] });
      return result.success
        ? [204, null]
        : [400, result.errors.map((e) => ({ errorCode: e.statusCode, message: e.message, fields: e.fields }))];
    }
    if (rest === '/composite/sobjects' && (r.method === 'POST' || r.method === 'PATCH')) {
      const b = r.body as { allOrNone?: boolean; records: Record<string, unknown>[] };
      return [200, this.collection(r.method === 'POST' ? 'create' : 'update', b.records, b.allOrNone === true)];
    }
    if (rest === '/composite' && r.method === 'POST') return [200, this.composite(r.body as CompositeBody)];
    return [
      404,
      [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist (${r.method} ${r.path})` }],
    ];
  }

  // ── queries ────────────────────────────────────────────────────────────────────────────────────

  private startQuery(statement: string, includeDeleted: boolean) {
    return this.page(this.org.query(statement, includeDeleted));
  }

  private page(rows: Record<string, unknown>[], total = rows.length) {
    const first = rows.slice(0, this.pageSize);
    const remaining = rows.slice(this.pageSize);
    if (remaining.length === 0) return { totalSize: total, done: true, records: first };
    const locator = `01gFAKE${++this.cursorCount}-${this.pageSize}`;
    this.cursors.set(locator, remaining);
    return { totalSize: total, done: false, nextRecordsUrl: `${BASE}/query/${locator}`, records: first };
  }

  private nextPage(locator: string) {
    const rows = this.cursors.get(locator);
    if (!rows) throw new RecordError('INVALID_QUERY_LOCATOR', 'invalid query locator');
    this.cursors.delete(locator);
    return this.page(rows, rows.length);
  }

  // ── records ────────────────────────────────────────────────────────────────────────────────────

  private saveOne(
    kind: 'create' | 'update',
    objectName: string,
    record: Record<string, unknown>,
    channel: SaveChannel = 'rest'
  ): SaveResult {
    // One record is atomic by itself: the fake org checks everything before it changes anything.
    try {
      if (kind === 'create') return { id: this.org.insert(objectName, record, channel), success: true, errors: [] };
      this.org.update(objectName, str(record.Id), record, channel);
      return { id: str(record.Id), success: true, errors: [] };
    } catch (error) {
      return { success: false, errors: [errorOf(error)] };
    }
  }

  private typeOf(kind: 'create' | 'update', record: Record<string, unknown>): string {
    const declared = (record.attributes as { type?: string } | undefined)?.type;
    return declared ?? (kind === 'update' ? (this.org.objectOf(str(record.Id)) ?? '') : '');
  }

  /** sObject Collections: allOrNone rolls every record back when one fails. */
  private collection(kind: 'create' | 'update', records: Record<string, unknown>[], allOrNone: boolean): SaveResult[] {
    if (!allOrNone) return records.map((record) => this.saveOne(kind, this.typeOf(kind, record), record));
    const results: SaveResult[] = [];
    try {
      this.org.transaction(() => {
        let failed = false;
        for (const record of records) {
          try {
            const id =
              kind === 'create'
                ? this.org.insert(this.typeOf(kind, record), record)
                : (this.org.update(this.typeOf(kind, record), str(record.Id), record), str(record.Id));
            results.push({ id, success: true, errors: [] });
          } catch (error) {
            failed = true;
            results.push({ success: false, errors: [errorOf(error)] });
          }
        }
        if (failed) throw new Error('rollback');
      });
    } catch {
      return results.map((r) => (r.success ? { success: false, errors: [ROLLED_BACK] } : r));
    }
    return results;
  }

  private composite(body: CompositeBody) {
    const answers: { body: unknown; httpHeaders: object; httpStatusCode: number; referenceId: string }[] = [];
    const run = () => {
      let failedAt = -1;
      body.compositeRequest.forEach((sub, i) => {
        if (failedAt >= 0) return;
        const path = sub.url.replace(/^\/services\/data\/v[\d.]+/, '');
        if (!sub.url.startsWith(BASE) || path !== '/composite/sobjects')
          throw new Error(`fake: composite subrequest ${sub.method} ${sub.url} not supported`);
        const results = this.collection(
          sub.method === 'POST' ? 'create' : 'update',
          sub.body.records,
          body.allOrNone || sub.body.allOrNone === true
        );
        const ok = results.every((x) => x.success);
        answers.push({ body: results, httpHeaders: {}, httpStatusCode: ok ? 200 : 400, referenceId: sub.referenceId });
        if (!ok && body.allOrNone) failedAt = i;
      });
      if (failedAt >= 0) throw new CompositeRollback(failedAt);
    };
    try {
      this.org.transaction(run);
    } catch (error) {
      if (!(error instanceof CompositeRollback)) throw error;
      const halted = [
        {
          errorCode: 'PROCESSING_HALTED',
          message: 'The transaction was rolled back since another operation in the same transaction failed.',
        },
      ];
      return {
        compositeResponse: body.compositeRequest.map((sub, i) =>
          i === error.index
            ? answers[i]
            : { body: halted, httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId }
        ),
      };
    }
    return { compositeResponse: answers };
  }

  // ── Bulk API 1.0 ───────────────────────────────────────────────────────────────────────────────

  private routeAsync(r: LoggedRequest): [number, string, string] {
    const xml = 'application/xml';
    const rest = r.path.slice(ASYNC.length);
    let m: RegExpExecArray | null;
    if (rest === '/job' && r.method === 'POST') {
      const operation = xmlField(r.text, 'operation');
      const object = xmlField(r.text, 'object') ?? '';
      if (operation !== 'insert' && operation !== 'update')
        throw new Error(`fake: operation ${operation} not supported`);
      if (xmlField(r.text, 'contentType') !== 'CSV') throw new Error('fake: only CSV jobs are supported');
      if (!this.org.schema[object]) throw new Error(`Unable to find object: ${object}`);
      const mode = xmlField(r.text, 'concurrencyMode') ?? 'Parallel';
      if (mode !== 'Serial' && mode !== 'Parallel') throw new Error(`Invalid concurrencyMode: ${mode}`);
      const job: BulkJob = {
        id: `750FAKE${String(this.bulkJobs.size + 1).padStart(8, '0')}`,
        object,
        operation,
        state: 'Open',
        concurrencyMode: mode,
        batches: [],
      };
      this.bulkJobs.set(job.id, job);
      return [201, this.jobInfo(job), xml];
    }
    if ((m = /^\/job\/(\w+)$/.exec(rest))) {
      const job = this.bulkJob(m[1]);
      if (r.method === 'POST') {
        const state = xmlField(r.text, 'state');
        if (state !== 'Closed' && state !== 'Aborted') throw new Error(`fake: state ${state} not supported`);
        job.state = state;
      }
      return [200, this.jobInfo(job), xml];
    }
    if ((m = /^\/job\/(\w+)\/batch$/.exec(rest)) && r.method === 'POST') {
      const job = this.bulkJob(m[1]);
      if (job.state !== 'Open') throw new Error(`Job ${job.id} is not open`);
      const batch = this.processBatch(job, r.text);
      return [201, this.batchInfo(job, batch), xml];
    }
    if ((m = /^\/job\/(\w+)\/batch\/(\w+)$/.exec(rest)) && r.method === 'GET') {
      const job = this.bulkJob(m[1]);
      const batch = this.bulkBatch(job, m[2]);
      // Report progress over a few polls, as a real batch does while it runs.
      if (batch.state === 'Queued') batch.state = 'InProgress';
      else if (batch.state === 'InProgress' && ++batch.polls >= 2) batch.state = 'Completed';
      return [200, this.batchInfo(job, batch), xml];
    }
    if ((m = /^\/job\/(\w+)\/batch\/(\w+)\/result$/.exec(rest)) && r.method === 'GET') {
      const batch = this.bulkBatch(this.bulkJob(m[1]), m[2]);
      const columns = ['Id', 'Success', 'Created', 'Error'];
      return [
        200,
        stringify(
          batch.results.map((row) => columns.map((c) => row[c as keyof typeof row])),
          { header: true, columns, quoted: true, quoted_empty: true }
        ),
        'text/csv',
      ];
    }
    throw new Error(`fake: ${r.method} ${r.path} not supported`);
  }

  private bulkJob(id: string): BulkJob {
    const job = this.bulkJobs.get(id);
    if (!job) throw new Error(`Unable to find job ${id}`);
    return job;
  }

  private bulkBatch(job: BulkJob, id: string): BulkBatch {
    const batch = job.batches.find((b) => b.id === id);
    if (!batch) throw new Error(`Unable to find batch ${id}`);
    return batch;
  }

  /**
   * Row by row, like the Bulk API: each row saves or fails on its own; logged as an Import. A
   * column the object does not have fails the whole batch, as Salesforce does (InvalidBatch).
   */
  private processBatch(job: BulkJob, csv: string): BulkBatch {
    const batch: BulkBatch = {
      id: `751FAKE${String(job.batches.length + 1).padStart(8, '0')}${job.id.slice(-3)}`,
      state: 'Queued',
      stateMessage: '',
      polls: 0,
      rows: 0,
      results: [],
    };
    job.batches.push(batch);
    const [header = []]: string[][] = parse(csv, { to_line: 1 });
    const fields = this.org.schema[job.object].fields;
    const unknown = header.find((c) => !fields.has(c.includes('.') ? c.split('.')[0].replace(/__r$/, '__c') : c));
    if (unknown !== undefined) {
      batch.state = 'Failed';
      batch.stateMessage = `InvalidBatch : Field name not found : ${unknown}`;
      return batch;
    }
    const rows = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true });
    for (const row of rows) {
      const record: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (value === '') continue;
        record[column] =
          value === '#N/A'
            ? null
            : value === 'true'
              ? true
              : value === 'false'
                ? false
                : /^-?\d+(\.\d+)?$/.test(value) && /Layout_/.test(column)
                  ? Number(value)
                  : value;
      }
      const result = this.saveOne(job.operation === 'insert' ? 'create' : 'update', job.object, record, 'bulk');
      batch.results.push({
        Id: result.id ?? '',
        Success: String(result.success),
        Created: String(result.success && job.operation === 'insert'),
        Error: result.errors.map((e) => `${e.statusCode}:${e.message}`).join(';'),
      });
    }
    batch.rows = rows.length;
    return batch;
  }

  private jobInfo(job: BulkJob): string {
    const done = job.batches.filter((b) => b.state === 'Completed');
    return xmlOf('jobInfo', {
      id: job.id,
      operation: job.operation,
      object: job.object,
      state: job.state,
      concurrencyMode: job.concurrencyMode,
      contentType: 'CSV',
      numberBatchesTotal: job.batches.length,
      numberBatchesCompleted: done.length,
      numberRecordsProcessed: done.reduce((n, b) => n + b.rows, 0),
      numberRecordsFailed: done.reduce((n, b) => n + b.results.filter((x) => x.Success !== 'true').length, 0),
      apiVersion: VERSION.slice(1),
    });
  }

  private batchInfo(job: BulkJob, batch: BulkBatch): string {
    const processed =
      batch.state === 'InProgress' ? Math.floor(batch.rows / 2) : batch.state === 'Completed' ? batch.rows : 0;
    return xmlOf('batchInfo', {
      id: batch.id,
      jobId: job.id,
      state: batch.state,
      ...(batch.stateMessage ? { stateMessage: batch.stateMessage } : {}),
      numberRecordsProcessed: processed,
      numberRecordsFailed: batch.state === 'Completed' ? batch.results.filter((x) => x.Success !== 'true').length : 0,
    });
  }
}

interface CompositeBody {
  allOrNone: boolean;
  compositeRequest: {
    method: string;
    url: string;
    referenceId: string;
    body: { allOrNone?: boolean; records: Record<string, unknown>[] };
  }[];
}

class CompositeRollback extends Error {
  constructor(readonly index: number) {
    super('composite rolled back');
  }
}
