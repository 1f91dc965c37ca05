/**
 * Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is done in UTC on midnight timestamps, so the host
 * time zone never changes a result. Rules never read the clock: every date is a parameter.
 */
export type IsoDate = string;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
}

export function parseIsoDate(value: IsoDate): DateParts {
  const m = ISO_DATE_RE.exec(value);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got "${value}"`);
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > daysInMonth(parts.year, parts.month)
  ) {
    throw new RangeError(`not a calendar date: "${value}"`);
  }
  return parts;
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(value: IsoDate): number {
  const p = parseIsoDate(value);
  return Date.UTC(p.year, p.month - 1, p.day);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(value) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Add calendar months; a day that does not exist in the target month is clamped to its last day. */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const p = parseIsoDate(value);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toIsoDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Same day N years later (29 Feb → 28 Feb in a common year). */
export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
