import { compareDates, parseIsoDate, type IsoDate } from './iso-date';

/** Japanese era (元号). */
export type Era = '令和' | '平成' | '昭和';

const ERA_OFFSET: Record<Era, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
// First day of each era (改元日).
const ERA_START: ReadonlyArray<readonly [Era, IsoDate]> = [
  ['令和', '2019-05-01'],
  ['平成', '1989-01-08'],
  ['昭和', '1926-12-25'],
];

// jcm-grants.md conventions: 令和N年 = 2018+N, 平成N年 = 1988+N, 昭和N年 = 1925+N.
/** Gregorian year of an era year (和暦→西暦), e.g. 令和3年 → 2021. */
export function eraYearToGregorian(era: Era, eraYear: number): number {
  if (!Number.isInteger(eraYear) || eraYear < 1) throw new RangeError('era year must be a positive integer');
  return ERA_OFFSET[era] + eraYear;
}

export interface EraYear {
  readonly era: Era;
  readonly year: number;
}

/** Era year of a calendar date (元号は改元日で切り替わる): 2019-04-30 → 平成31年, 2019-05-01 → 令和元年. */
export function eraYearOfDate(date: IsoDate): EraYear {
  for (const [era, start] of ERA_START) {
    if (compareDates(date, start) >= 0) return { era, year: parseIsoDate(date).year - ERA_OFFSET[era] };
  }
  throw new RangeError('dates before 昭和 are not supported');
}

/**
 * Era label of a fiscal year (年度) as the documents write it: FY2019 = 令和元年度 (the era in force for most of
 * the year), FY2021 = 令和3年度, FY2018 = 平成30年度.
 */
export function fiscalYearLabelJa(fiscalYear: number): string {
  const era: Era = fiscalYear >= 2019 ? '令和' : fiscalYear >= 1989 ? '平成' : '昭和';
  const n = fiscalYear - ERA_OFFSET[era];
  return `${era}${n === 1 ? '元' : n}年度`;
}
