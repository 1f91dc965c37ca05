import * as z from 'zod';

/**
 * Calendar dates of monitoring data as day numbers (days since 1970-01-01, proleptic Gregorian), by integer
 * arithmetic only. A period's checks compare and step through every monthly entry; going through `Date` objects
 * for each (shared/iso-date.ts) cost most of an evaluation, so the engine uses this instead. Same calendar.
 */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Character codes, not a RegExp and Number(): this runs for every date of every monthly entry.
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parts(value: string): [number, number, number] | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : undefined;
}

export function isCalendarDate(value: string): boolean {
  return parts(value) !== undefined;
}

// H. Hinnant, "chrono-compatible low-level date algorithms" (days_from_civil).
/** Day number of a valid 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(value: string): number {
  const p = parts(value);
  if (!p) throw new RangeError(`not a calendar date: "${value}"`);
  const [y0, m, d] = p;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** 'YYYY-MM-DD' of a day number (civil_from_days). */
export function dateOfDayNumber(n: number): string {
  const z0 = n + 719_468;
  const era = Math.floor(z0 / 146_097);
  const doe = z0 - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar date 'YYYY-MM-DD' (same acceptance as shared IsoDateSchema, without a Date per check). */
export const CalendarDateSchema = z
  .string()
  .max(10, { abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a calendar date YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'expected a calendar date YYYY-MM-DD');
