/**
 * Dates as the analytics read them: ISO dates and date-times hand-parsed to epoch milliseconds
 * (a map carries thousands of these), and whole days between two moments.
 *
 * Determinism: nothing here reads the clock; "now" is always an input (options.now).
 */

const DAY_MS = 86_400_000;

/** Parses options.now; throws a RangeError when it is not a date (a programming error). */
export function parseNow(now: string | number | Date): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseIsoDate(now);
  if (ms === null || !Number.isFinite(ms)) throw new RangeError(`options.now is not a valid date: ${String(now)}`);
  return ms;
}

/** Value of the `count` decimal digits at `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Epoch ms of an ISO date (`YYYY-MM-DD`, read as UTC midnight) or date-time
 * (`YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, UTC when no zone); null if not one, or if the
 * date does not exist (2024-02-31). Hand-parsed: a map carries thousands of these.
 */
export function parseIsoDate(value: string): number | null {
  const text = value.trim();
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || text[4] !== '-' || text[7] !== '-') return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > monthDays) return null;
  const date = Date.UTC(year, month - 1, day);
  if (text.length === 10) return date;
  if (text[10] !== 'T' && text[10] !== ' ') return null;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text[13] !== ':') return null;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return null;
    at += 3;
    if (text[at] === '.') {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end === at + 1) return null;
      millis = Math.floor(Number(`0${text.slice(at, end)}`) * 1000);
      at = end;
    }
  }
  let offsetMinutes = 0;
  const zone = text.slice(at);
  if (zone !== '' && zone !== 'Z') {
    const sign = zone[0] === '+' ? 1 : zone[0] === '-' ? -1 : 0;
    const zh = digits(zone, 1, 2);
    const zm = zone.length === 6 && zone[3] === ':' ? digits(zone, 4, 2) : zone.length === 5 ? digits(zone, 3, 2) : -1;
    if (sign === 0 || zh < 0 || zh > 23 || zm < 0 || zm > 59) return null;
    offsetMinutes = sign * (zh * 60 + zm);
  }
  return date + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** Whole days from `thenMs` to `nowMs` (negative when in the future). */
export const daysBetween = (thenMs: number, nowMs: number): number => Math.floor((nowMs - thenMs) / DAY_MS);
