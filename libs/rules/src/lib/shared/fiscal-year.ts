import { parseIsoDate, toIsoDate, type IsoDate } from './iso-date';

// jcm-grants.md conventions / city-partnerships.md §0: 年度 = 1 April – 31 March, named by the starting year.
/** Japanese fiscal year (年度) containing a date: FY2021 = 2021-04-01 … 2022-03-31. */
export function fiscalYearOf(date: IsoDate): number {
  const p = parseIsoDate(date);
  return p.month >= 4 ? p.year : p.year - 1;
}

export function fiscalYearStart(fiscalYear: number): IsoDate {
  return toIsoDate(fiscalYear, 4, 1);
}

export function fiscalYearEnd(fiscalYear: number): IsoDate {
  return toIsoDate(fiscalYear + 1, 3, 31);
}

/** A month-day inside a fiscal year: April–December fall in the start year, January–March in the next. */
export function dateInFiscalYear(fiscalYear: number, month: number, day: number): IsoDate {
  return toIsoDate(month >= 4 ? fiscalYear : fiscalYear + 1, month, day);
}
