/**
 * A local HTTP server on 127.0.0.1 that speaks the part of the Salesforce REST API the CLI uses,
 * over a FakeOrg: query/queryAll with paging (nextRecordsUrl), sObject describe/create/update,
 * sObject Collections, Composite (allOrNone, in order), and Bulk API 2.0 ingest jobs. It records
 * every request so tests can assert what was sent, and can expire the session or fail requests.
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

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The raw text of CSV uploads. */
  text: string;
}

interface IngestJob {
  id: string;
  object: string;
  operation: 'insert' | 'update';
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  csv: string;
  polls: number;
  processed: number;
  successful: Record<string, string>[];
  failed: Record<string, string>[];
  columns: string[];
}

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
  private jobs = new Map<string, IngestJob>();
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
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}` || !this.sessionValid) {
      send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    const failure = this.failures.find((f) => f.remaining > 0 && f.when(logged));
    if (failure) {
      failure.remaining--;
      send(failure.status, failure.body);
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
    if (rest === '/jobs/ingest' && r.method === 'POST')
      return [200, this.createJob(r.body as { object: string; operation: IngestJob['operation'] })];
    if ((m = /^\/jobs\/ingest\/(\w+)\/batches$/.exec(rest)) && r.method === 'PUT') {
      const job = this.job(m[1]);
      job.csv += r.text;
      return [201, null];
    }
    if ((m = /^\/jobs\/ingest\/(\w+)$/.exec(rest))) {
      const job = this.job(m[1]);
      if (r.method === 'PATCH') {
        const state = (r.body as { state: IngestJob['state'] }).state;
        if (state === 'UploadComplete') this.processJob(job);
        else job.state = state;
        return [200, this.jobInfo(job)];
      }
      // Report progress over a few polls, as a real job does while it runs.
      if (job.state === 'UploadComplete') job.state = 'InProgress';
      else if (job.state === 'InProgress') {
        job.polls++;
        if (job.polls >= 2) job.state = 'JobComplete';
      }
      return [200, this.jobInfo(job)];
    }
    if ((m = /^\/jobs\/ingest\/(\w+)\/(successfulResults|failedResults|unprocessedrecords)$/.exec(rest))) {
      const job = this.job(m[1]);
      const rows = m[2] === 'successfulResults' ? job.successful : m[2] === 'failedResults' ? job.failed : [];
      const columns =
        m[2] === 'successfulResults'
          ? ['sf__Id', 'sf__Created', ...job.columns]
          : m[2] === 'failedResults'
            ? ['sf__Id', 'sf__Error', ...job.columns]
            : job.columns;
      // Salesforce quotes every value in result files.
      return [
        200,
        stringify(
          rows.map((row) => columns.map((c) => row[c] ?? '')),
          { header: true, columns, quoted: true, quoted_empty: true }
        ),
        'text/csv',
      ];
    }
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

  // ── Bulk API 2.0 ───────────────────────────────────────────────────────────────────────────────

  private createJob(body: { object: string; operation: IngestJob['operation'] }) {
    const id = `750FAKE${String(this.jobs.size + 1).padStart(8, '0')}`;
    const job: IngestJob = {
      id,
      object: body.object,
      operation: body.operation,
      state: 'Open',
      csv: '',
      polls: 0,
      processed: 0,
      successful: [],
      failed: [],
      columns: [],
    };
    this.jobs.set(id, job);
    return this.jobInfo(job);
  }

  private job(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job) throw new RecordError('INVALIDJOB', `Can't find job ${id}`);
    return job;
  }

  /** Row by row, like the Bulk API: each row saves or fails on its own; logged as an Import. */
  private processJob(job: IngestJob): void {
    job.state = 'UploadComplete';
    const rows = parse<Record<string, string>>(job.csv, { columns: true, skip_empty_lines: true });
    job.columns = job.csv
      .split('\n')[0]
      .split(',')
      .map((c) => c.replace(/^"|"$/g, ''));
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
      if (result.success)
        job.successful.push({ ...row, sf__Id: result.id ?? '', sf__Created: String(job.operation === 'insert') });
      else
        job.failed.push({
          ...row,
          sf__Id: '',
          sf__Error: result.errors.map((e) => `${e.statusCode}:${e.message}`).join(';'),
        });
      job.processed++;
    }
  }

  private jobInfo(job: IngestJob) {
    const shown =
      job.state === 'InProgress' ? Math.floor(job.processed / 2) : job.state === 'JobComplete' ? job.processed : 0;
    return {
      id: job.id,
      object: job.object,
      operation: job.operation,
      state: job.state,
      contentType: 'CSV',
      apiVersion: 65.0,
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: shown,
      numberRecordsFailed: job.state === 'JobComplete' ? job.failed.length : 0,
    };
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
