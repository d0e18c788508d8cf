/**
 * The problems input validation reports ({@link ValidationIssue}) and the log that collects them.
 *
 * Determinism: the log is sorted at the end (severity, code, person, link, field, message), so
 * the issues of a map come out in the same order whatever order its records were read in.
 */

/** What kind of problem an input has. */
export type IssueCode =
  | 'invalid-input'
  | 'invalid-person'
  | 'missing-name'
  | 'duplicate-person'
  | 'unknown-value'
  | 'invalid-date'
  | 'decision-maker-mismatch'
  | 'multiple-primary-contacts'
  | 'vacant-primary-contact'
  | 'invalid-link'
  | 'missing-link-end'
  | 'self-link'
  | 'unknown-person'
  | 'duplicate-link';

/**
 * A problem with the input. `error`: the record (or link) is ignored by the analytics;
 * `warning`: it is used, with the fallback the message names.
 */
export interface ValidationIssue {
  severity: 'error' | 'warning';
  code: IssueCode;
  /** What is wrong and what the analytics did about it, in words. */
  message: string;
  personId?: string;
  linkId?: string;
  /** The MapPerson / InfluenceLink property at fault. */
  field?: string;
  /** The offending value, as text. */
  value?: string;
}

/** Code-unit order of two strings (locale-independent, so the same on every machine). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Collects issues in a deterministic order (sorted at the end). */
export class IssueLog {
  readonly list: ValidationIssue[] = [];
  add(issue: ValidationIssue): void {
    this.list.push(issue);
  }
  sorted(): ValidationIssue[] {
    const sev = (i: ValidationIssue) => (i.severity === 'error' ? 0 : 1);
    return this.list.sort(
      (a, b) =>
        sev(a) - sev(b) ||
        cmp(a.code, b.code) ||
        cmp(a.personId ?? '', b.personId ?? '') ||
        cmp(a.linkId ?? '', b.linkId ?? '') ||
        cmp(a.field ?? '', b.field ?? '') ||
        cmp(a.message, b.message)
    );
  }
}
