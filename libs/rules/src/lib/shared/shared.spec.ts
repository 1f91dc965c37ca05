import Decimal from 'decimal.js';
import { consumptionTax } from './consumption-tax';
import { eraYearOfDate, eraYearToGregorian, fiscalYearLabelJa } from './era';
import { dateInFiscalYear, fiscalYearEnd, fiscalYearOf, fiscalYearStart } from './fiscal-year';
import { addDays, addYears, addMonths, minDate } from './iso-date';
import { assertYen, ceilDiv, floorYen } from './money';
import { truncateToOneDecimal } from './rounding';
import { floorTonnes, parseTonnes } from './tonnes';
import { finding, hasErrors } from './finding';
import { documentGap, isGap } from './gap';

describe('fiscal year (年度)', () => {
  it('FY2026 = 2026-04-01 … 2027-03-31 (city-partnerships.md §7.6)', () => {
    expect(fiscalYearStart(2026)).toBe('2026-04-01');
    expect(fiscalYearEnd(2026)).toBe('2027-03-31');
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2022-03-15')).toBe(2021);
    expect(dateInFiscalYear(2021, 3, 10)).toBe('2022-03-10');
    expect(dateInFiscalYear(2021, 4, 10)).toBe('2021-04-10');
  });
});

describe('era years (和暦)', () => {
  it('令和3年 = 2021, 平成25年 = 2013, 昭和40年 = 1965', () => {
    expect(eraYearToGregorian('令和', 3)).toBe(2021);
    expect(eraYearToGregorian('令和', 8)).toBe(2026);
    expect(eraYearToGregorian('平成', 25)).toBe(2013);
    expect(eraYearToGregorian('昭和', 40)).toBe(1965);
  });
  it('switches era on the 改元日', () => {
    expect(eraYearOfDate('2019-04-30')).toEqual({ era: '平成', year: 31 });
    expect(eraYearOfDate('2019-05-01')).toEqual({ era: '令和', year: 1 });
  });
  it('labels fiscal years', () => {
    expect(fiscalYearLabelJa(2021)).toBe('令和3年度');
    expect(fiscalYearLabelJa(2019)).toBe('令和元年度');
    expect(fiscalYearLabelJa(2018)).toBe('平成30年度');
  });
});

describe('dates', () => {
  it('adds days across a leap February', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2022-01-20', 30)).toBe('2022-02-19');
  });
  it('clamps 29 Feb and month ends', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(minDate('2022-03-27', '2022-03-10')).toBe('2022-03-10');
  });
});

describe('money and tonnes', () => {
  it('rejects fractional yen', () => {
    expect(() => assertYen(1.5)).toThrow(RangeError);
    expect(floorYen(new Decimal('1818181.9'))).toBe(1_818_181);
  });
  it('integer ceiling division never overshoots an exact quotient (FX-10, FX-11)', () => {
    expect(ceilDiv(98_720_000n, 98_720n)).toBe(1000n);
    expect(ceilDiv(98_720_001n, 98_720n)).toBe(1001n);
  });
  it('consumption tax 10% floor (B3)', () => {
    expect(consumptionTax(18_181_818, 10, 'floor')).toBe(1_818_181);
    expect(consumptionTax(18_181_818, 10, 'ceil')).toBe(1_818_182);
    expect(consumptionTax(18_181_815, 10, 'halfUp')).toBe(1_818_182);
  });
  it('truncates to one decimal (FX-15)', () => {
    expect(
      ['7.4999', '7.99', '10.0', '3.05'].map((v) => truncateToOneDecimal(new Decimal(v)).toFixed(1)),
    ).toEqual(['7.4', '7.9', '10.0', '3.0']);
  });
  it('floors tonnes', () => {
    expect(floorTonnes(parseTonnes('166.056')).toFixed()).toBe('166');
    expect(() => parseTonnes('abc')).toThrow(RangeError);
  });
  it('findings and gaps', () => {
    expect(hasErrors([finding('X', 'warning', 'ja', 'en', 's')])).toBe(false);
    expect(hasErrors([finding('X', 'error', 'ja', 'en', 's')])).toBe(true);
    expect(isGap(documentGap('not stated', 'doc'))).toBe(true);
    expect(isGap(5)).toBe(false);
  });
});
